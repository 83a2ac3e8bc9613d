-- Units and money add up to fct_sales' lines in every report that splits them: lifetime value
-- by customer (known customers with an order), sales by category and top products for each
-- period grain (merchandise), the weekday x hour heatmap (net sales of every order).
with

lines as (

    select
        *,
        line_type = 'merchandise' as is_merchandise,
        line_type in ('merchandise', 'discount', 'voucher') as is_net_sales,
        max(case when line_type = 'merchandise' and quantity > 0 then 1 else 0 end)
            over (partition by customer_id) as customer_ordered
    from {{ ref('fct_sales') }}

),

fct as (

    select
        sum(case when is_merchandise and quantity > 0 then quantity else 0 end) as units_sold,
        sum(case when is_merchandise then amount else 0 end) as merchandise_net_sales,
        sum(case when is_net_sales then amount else 0 end) as net_sales,
        sum(
            case when is_net_sales and not is_guest and customer_ordered = 1 then amount else 0 end
        ) as customers_net_sales
    from lines

),

report_totals as (

    select
        'rpt_customer_lifetime_value' as report,
        sum(reported.lifetime_value) as reported,
        max(fct.customers_net_sales) as expected
    from {{ ref('rpt_customer_lifetime_value') }} as reported
    cross join fct
    union all
    select
        'rpt_sales_by_category net_sales' as report,
        sum(reported.net_sales) as reported,
        max(fct.merchandise_net_sales) as expected
    from {{ ref('rpt_sales_by_category') }} as reported
    cross join fct
    union all
    select
        'rpt_sales_by_category units_sold' as report,
        sum(reported.units_sold) as reported,
        max(fct.units_sold) as expected
    from {{ ref('rpt_sales_by_category') }} as reported
    cross join fct
    union all
    select
        'rpt_sales_by_weekday_hour revenue' as report,
        sum(reported.revenue) as reported,
        max(fct.net_sales) as expected
    from {{ ref('rpt_sales_by_weekday_hour') }} as reported
    cross join fct
    union all
    select
        {{ dbt.concat(["'rpt_top_products '", 'reported.period_type']) }} as report,
        sum(reported.net_sales) as reported,
        max(fct.merchandise_net_sales) as expected
    from {{ ref('rpt_top_products') }} as reported
    cross join fct
    group by reported.period_type

)

select *
from report_totals
where reported != expected
