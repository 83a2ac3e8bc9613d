-- Transactions and revenue add up to fct_sales in every report that splits them: lifetime
-- value by customer, sales by category, the weekday x hour heatmap, and top products for each
-- period grain (day, week, month).
with

fct as (

    select
        count(*) as transaction_count,
        sum(amount) as revenue
    from {{ ref('fct_sales') }}

),

report_totals as (

    select
        'rpt_customer_lifetime_value' as report,
        sum(order_count) as transaction_count,
        sum(lifetime_value) as revenue
    from {{ ref('rpt_customer_lifetime_value') }}
    union all
    select
        'rpt_sales_by_category' as report,
        sum(transaction_count) as transaction_count,
        sum(revenue) as revenue
    from {{ ref('rpt_sales_by_category') }}
    union all
    select
        'rpt_sales_by_weekday_hour' as report,
        sum(transaction_count) as transaction_count,
        sum(revenue) as revenue
    from {{ ref('rpt_sales_by_weekday_hour') }}
    union all
    select
        {{ dbt.concat(["'rpt_top_products '", 'period_type']) }} as report,
        sum(transaction_count) as transaction_count,
        sum(revenue) as revenue
    from {{ ref('rpt_top_products') }}
    group by period_type

)

select
    report_totals.report,
    report_totals.transaction_count,
    fct.transaction_count as expected_transaction_count,
    report_totals.revenue,
    fct.revenue as expected_revenue
from report_totals
cross join fct
where
    report_totals.transaction_count != fct.transaction_count
    or report_totals.revenue != fct.revenue
