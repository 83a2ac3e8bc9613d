-- Every day's numbers in rpt_daily_sales_summary equal fct_sales' lines summed again (not
-- through fct_orders): orders, gross sales, discounts, returns, net and total sales, guests'
-- net sales and known customers; and every known customer who ordered is new on exactly one
-- day. On a daily run (test_scope: changed) the days compared are those whose sales the run
-- re-decided (macros/utils/test_scope.sql): every day a full sweep compares.
{% set changed_days = ecom.sales_days_changed_last(ref('int_sales_validated')) -%}
with

lines as (

    select
        *,
        min(transaction_date) over (partition by transaction_id) as order_date,
        max(case when line_type = 'merchandise' and quantity > 0 then 1 else 0 end)
            over (partition by transaction_id) as is_order
    from {{ ref('fct_sales') }}
    -- every line of each order with a line on a compared day: an order's day is its first
    -- line's, so an order of a compared day is among them whole
    where
        {{ ecom.in_changed_keys(
            'transaction_id',
            'select transaction_id from ' ~ ref('fct_sales') ~ ' where transaction_date in ('
            ~ changed_days ~ ')'
        ) }}

),

fct as (

    select
        order_date as sales_date,
        count(distinct case when is_order = 1 then transaction_id end) as order_count,
        sum(case when line_type = 'merchandise' and quantity > 0 then amount else 0 end)
            as gross_sales,
        -sum(case when line_type in ('discount', 'voucher') then amount else 0 end)
            as discounts,
        -sum(case when line_type = 'merchandise' and quantity < 0 then amount else 0 end)
            as returns,
        sum(case when line_type in ('merchandise', 'discount', 'voucher') then amount else 0 end)
            as net_sales,
        sum(amount) as total_sales,
        sum(
            case when is_guest and line_type in ('merchandise', 'discount', 'voucher') then amount
                else 0
            end
        ) as guest_net_sales,
        count(distinct case when is_order = 1 and not is_guest then customer_id end)
            as unique_customers
    from lines
    where {{ ecom.in_changed_keys('order_date', changed_days) }}
    group by order_date

),

rpt as (

    select * from {{ ref('rpt_daily_sales_summary') }}
    where {{ ecom.in_changed_keys('sales_date', changed_days) }}

),

day_mismatches as (

    select coalesce(fct.sales_date, rpt.sales_date) as sales_date
    from fct
    full outer join rpt
        on fct.sales_date = rpt.sales_date
    where
        fct.sales_date is null
        or rpt.sales_date is null
        or fct.order_count != rpt.order_count
        or fct.gross_sales != rpt.gross_sales
        or fct.discounts != rpt.discounts
        or fct.returns != rpt.returns
        or fct.net_sales != rpt.net_sales
        or fct.total_sales != rpt.total_sales
        or fct.guest_net_sales != rpt.guest_net_sales
        or fct.unique_customers != rpt.unique_customers

),

reported_new_customers as (

    select sum(new_customers) as new_customers
    from {{ ref('rpt_daily_sales_summary') }}

),

distinct_customers as (

    -- over all of history (the window of `lines` is not needed: a known customer ordered
    -- when one of their lines sold merchandise)
    select count(distinct customer_id) as customers
    from {{ ref('fct_sales') }}
    where line_type = 'merchandise' and quantity > 0 and not is_guest

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
