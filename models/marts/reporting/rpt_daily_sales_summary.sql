{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        post_hook="{{ ecom.delete_superseded_rows(this, 'sales_date in ('
            ~ ecom.daily_summary_dates(ecom.last_refreshed_at(this, before_this_run=true)) ~ ')') }}",
    )
}}
-- depends_on: {{ ref('int_sales_validated') }}
{#
    One row per day with sales: the day's headline numbers. A customer is new on the day of
    their first transaction in fct_sales (int_customer_orders.first_order_date) and returning on
    any later day they buy (unique_customers = new_customers + returning_customers).
    Incremental: a daily build recomputes only the touched days (macros/models/
    incremental_reports.sql, daily_summary_dates): the days of the sales lines re-decided since
    the report's last refresh, and the day each of their customers' first order was on before
    (a late sale can make an earlier day the first); a touched day left with no sales is
    deleted.
#}
with

{% if is_incremental() %}
touched_dates as (

    {{ ecom.daily_summary_dates(ecom.last_refreshed_at(this)) }}

),
{% endif %}

sales as (

    select * from {{ ref('fct_sales') }}
    {% if is_incremental() %}
        where transaction_date in (select sales_date from touched_dates)
    {% endif %}

),

first_orders as (

    select * from {{ ref('int_customer_orders') }}
    {% if is_incremental() %}
        where first_order_date in (select sales_date from touched_dates)
    {% endif %}

),

new_per_day as (

    select
        first_order_date as sales_date,
        count(*) as new_customers
    from first_orders
    group by first_order_date

),

daily as (

    select
        transaction_date as sales_date,
        count(*) as transaction_count,
        sum(amount) as total_revenue,
        count(distinct customer_id) as unique_customers
    from sales
    group by transaction_date

),

final as (

    select
        daily.sales_date,
        cast(daily.transaction_count as integer) as transaction_count,
        cast(daily.total_revenue as {{ ecom.type_money() }}) as total_revenue,
        {{ ecom.money_ratio('daily.total_revenue', 'daily.transaction_count') }}
            as avg_order_value,
        cast(daily.unique_customers as integer) as unique_customers,
        cast(coalesce(new_per_day.new_customers, 0) as integer) as new_customers,
        cast(
            daily.unique_customers - coalesce(new_per_day.new_customers, 0) as integer
        ) as returning_customers,
        {{ ecom.run_started_timestamp() }} as refreshed_at
    from daily
    left join new_per_day
        on daily.sales_date = new_per_day.sales_date

)

select * from final
