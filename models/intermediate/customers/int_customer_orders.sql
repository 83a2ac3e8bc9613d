{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        table_type='iceberg',
        post_hook="{{ ecom.delete_superseded_rows(this, 'customer_id in ('
            ~ ecom.customers_changed_after(ecom.last_refreshed_at(this, before_this_run=true)) ~ ')') }}",
    )
}}
-- depends_on: {{ ref('int_sales_validated') }}
{#
    One row per customer who bought at least once: their orders summed over fct_sales, what
    rpt_customer_lifetime_value and rpt_daily_sales_summary (first orders) read instead of the
    whole sales history. Incremental: a daily build recomputes the customers of the sales lines
    re-decided since its last refresh from their rows of fct_sales (a customer left with no
    sales is deleted, macros/models/incremental_reports.sql).
#}
with

sales as (

    select * from {{ ref('fct_sales') }}
    {% if is_incremental() %}
        where customer_id in (
            {{ ecom.customers_changed_after(ecom.last_refreshed_at(this)) }}
        )
    {% endif %}

),

final as (

    select
        cast(customer_id as {{ ecom.type_text() }}) as customer_id,
        cast(count(*) as integer) as order_count,
        cast(sum(quantity) as integer) as units_purchased,
        cast(sum(amount) as {{ ecom.type_money() }}) as lifetime_value,
        min(transaction_date) as first_order_date,
        max(transaction_date) as last_order_date,
        {{ ecom.run_started_timestamp() }} as refreshed_at
    from sales
    group by customer_id

)

select * from final
