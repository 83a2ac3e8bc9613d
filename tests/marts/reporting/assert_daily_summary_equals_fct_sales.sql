-- Every day's numbers in rpt_daily_sales_summary equal fct_sales aggregated again, and every
-- customer is new on exactly one day. On a daily run (test_scope: changed) the days compared
-- are those whose sales the run re-decided (macros/utils/test_scope.sql): every day a full
-- sweep compares.
with

fct as (

    select
        transaction_date as sales_date,
        count(*) as transaction_count,
        sum(amount) as total_revenue,
        count(distinct customer_id) as unique_customers
    from {{ ref('fct_sales') }}
    where {{ ecom.in_changed_keys('transaction_date', ecom.sales_days_changed_last()) }}
    group by transaction_date

),

rpt as (

    select * from {{ ref('rpt_daily_sales_summary') }}
    where {{ ecom.in_changed_keys('sales_date', ecom.sales_days_changed_last()) }}

),

day_mismatches as (

    select coalesce(fct.sales_date, rpt.sales_date) as sales_date
    from fct
    full outer join rpt
        on fct.sales_date = rpt.sales_date
    where
        fct.sales_date is null
        or rpt.sales_date is null
        or fct.transaction_count != rpt.transaction_count
        or fct.total_revenue != rpt.total_revenue
        or fct.unique_customers != rpt.unique_customers

),

reported_new_customers as (

    select sum(new_customers) as new_customers
    from {{ ref('rpt_daily_sales_summary') }}

),

distinct_customers as (

    select count(distinct customer_id) as customers
    from {{ ref('fct_sales') }}

),

new_customer_mismatch as (

    select cast(null as date) as sales_date
    from reported_new_customers
    cross join distinct_customers
    where reported_new_customers.new_customers != distinct_customers.customers

)

select * from day_mismatches
union all
select * from new_customer_mismatch
