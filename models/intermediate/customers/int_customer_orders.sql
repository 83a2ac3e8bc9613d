{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        post_hook="{{ ecom.delete_superseded_rows(this, 'customer_id in ('
            ~ ecom.customers_changed_after(ecom.last_refreshed_at(this, before_this_run=true)) ~ ')') }}",
    )
}}
-- depends_on: {{ ref('int_sales_validated') }}
{#
    One row per known customer with at least one order or return: their orders summed over
    fct_orders, what rpt_customer_lifetime_value and rpt_daily_sales_summary (first orders)
    read instead of the whole sales history. Guests are left out (one guest member stands for
    all of them in dim_customers; no customer metric counts them). Lifetime value is net of
    discounts and returns, without shipping and fees. Incremental: a daily build recomputes the
    customers of the sales lines re-decided since its last refresh from their rows of
    fct_orders (a customer left with no order is deleted, macros/models/incremental_reports.sql).
#}
with

orders as (

    select * from {{ ref('fct_orders') }}
    where
        not is_guest
    {% if is_incremental() %}
            and customer_id in (
                {{ ecom.customers_changed_after(ecom.last_refreshed_at(this)) }}
            )
        {% endif %}

),

final as (

    select
        cast(customer_id as {{ ecom.type_text() }}) as customer_id,
        cast(sum(case when is_order then 1 else 0 end) as integer) as order_count,
        cast(sum(units_sold - units_returned) as integer) as units_purchased,
        cast(sum(gross_sales) as {{ ecom.type_money() }}) as gross_sales,
        cast(sum(returns) as {{ ecom.type_money() }}) as returns,
        cast(sum(net_sales) as {{ ecom.type_money() }}) as lifetime_value,
        -- what average order value divides: (gross - discounts) of the orders, not returns
        cast(
            sum(case when is_order then gross_sales - discounts else 0 end)
            as {{ ecom.type_money() }}
        ) as order_value,
        min(case when is_order then order_date end) as first_order_date,
        max(case when is_order then order_date end) as last_order_date,
        {{ ecom.run_started_timestamp() }} as refreshed_at
    from orders
    group by customer_id

)

select * from final
