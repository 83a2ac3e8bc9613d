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
    One row per day with orders or returns: the day's headline numbers, from fct_orders (an
    order counts on the day it was placed; a credit note's returns on the day it was issued).
      orders             orders with a merchandise line sold (a credit note is not an order)
      gross_sales        merchandise sold; discounts, returns (positive amounts taken off);
      net_sales          gross_sales - discounts - returns; shipping and fees beside it;
      total_sales        net_sales + shipping + fees: every line of the day
      avg_order_value    (gross_sales - discounts) of the day's orders / orders: per order,
                         not per line; returns are not in it (they may come days later)
      avg_items_per_order  merchandise units sold / orders
      return_rate_pct    returns / gross_sales in percent
      guest_net_sales    net sales of guest checkouts (guest_share_pct of net_sales)
    Customers are known customers only: a customer is new on the day of their first order
    (int_customer_orders.first_order_date) and returning on any later day they order
    (unique_customers = new_customers + returning_customers); guests are not counted.
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

orders as (

    select * from {{ ref('fct_orders') }}
    {% if is_incremental() %}
        where order_date in (select sales_date from touched_dates)
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
    where first_order_date is not null
    group by first_order_date

),

daily as (

    select
        order_date as sales_date,
        sum(case when is_order then 1 else 0 end) as order_count,
        sum(units_sold) as units_sold,
        sum(units_returned) as units_returned,
        sum(gross_sales) as gross_sales,
        sum(discounts) as discounts,
        sum(returns) as returns,
        sum(net_sales) as net_sales,
        sum(shipping) as shipping,
        sum(fees) as fees,
        sum(total_sales) as total_sales,
        sum(case when is_order then gross_sales - discounts else 0 end) as order_value,
        sum(case when is_order then units_sold else 0 end) as order_units,
        sum(case when is_guest then net_sales else 0 end) as guest_net_sales,
        sum(case when is_guest and is_order then 1 else 0 end) as guest_order_count,
        count(distinct case when is_order and not is_guest then customer_id end)
            as unique_customers
    from orders
    group by order_date

),

final as (

    select
        daily.sales_date,
        cast(daily.order_count as integer) as order_count,
        cast(daily.guest_order_count as integer) as guest_order_count,
        cast(daily.units_sold as integer) as units_sold,
        cast(daily.units_returned as integer) as units_returned,
        cast(daily.gross_sales as {{ ecom.type_money() }}) as gross_sales,
        cast(daily.discounts as {{ ecom.type_money() }}) as discounts,
        cast(daily.returns as {{ ecom.type_money() }}) as returns,
        cast(daily.net_sales as {{ ecom.type_money() }}) as net_sales,
        cast(daily.shipping as {{ ecom.type_money() }}) as shipping,
        cast(daily.fees as {{ ecom.type_money() }}) as fees,
        cast(daily.total_sales as {{ ecom.type_money() }}) as total_sales,
        {{ ecom.money_ratio('daily.order_value', 'daily.order_count') }} as avg_order_value,
        {{ ecom.money_ratio('daily.order_units', 'daily.order_count') }} as avg_items_per_order,
        {{ ecom.money_ratio(
            'cast(daily.returns * 100 as bigint) * 100', 'cast(daily.gross_sales * 100 as bigint)'
        ) }} as return_rate_pct,
        cast(daily.guest_net_sales as {{ ecom.type_money() }}) as guest_net_sales,
        {{ ecom.money_ratio(
            'cast(daily.guest_net_sales * 100 as bigint) * 100',
            'cast(daily.net_sales * 100 as bigint)'
        ) }} as guest_share_pct,
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
