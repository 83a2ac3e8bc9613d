-- Every day's totals in rpt_daily_sales_summary equal fct_sales aggregated again.
with

fct as (

    select
        transaction_date as sales_date,
        count(*) as transaction_count,
        sum(amount) as total_revenue
    from {{ ref('fct_sales') }}
    group by transaction_date

),

rpt as (

    select * from {{ ref('rpt_daily_sales_summary') }}

)

select
    coalesce(fct.sales_date, rpt.sales_date) as sales_date,
    fct.transaction_count as expected_count,
    rpt.transaction_count as actual_count,
    fct.total_revenue as expected_revenue,
    rpt.total_revenue as actual_revenue
from fct
full outer join rpt
    on fct.sales_date = rpt.sales_date
where
    fct.sales_date is null
    or rpt.sales_date is null
    or fct.transaction_count != rpt.transaction_count
    or fct.total_revenue != rpt.total_revenue
