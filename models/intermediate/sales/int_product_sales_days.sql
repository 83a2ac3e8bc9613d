{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        post_hook="{{ ecom.delete_superseded_rows(this, 'sales_date in ('
            ~ ecom.product_days_touched(this, ecom.last_refreshed_at(this, before_this_run=true)) ~ ')') }}",
    )
}}
-- depends_on: {{ ref('int_sales_validated') }}
-- depends_on: {{ ref('dim_products') }}
{#
    One row per product and day it sold (or was returned) on, merchandise only, with the name and category the product had when
    the row was written. It tells the reports that show a product's current name or category
    (rpt_top_products, rpt_sales_by_category) which days a catalog change touched: a daily
    build rewrites every day a product whose name or category in dim_products differs from
    the one here sold on, and the days of the sales lines re-decided since its last refresh
    (macros/models/incremental_reports.sql, product_days_touched); the reports recompute the
    days of its rows refreshed after theirs. A touched day left with no sales is deleted.
#}
with

{% if is_incremental() %}
touched_dates as (

    {{ ecom.product_days_touched(this, ecom.last_refreshed_at(this)) }}

),
{% endif %}

sales as (

    {{ ecom.merchandise_sales(
        ref('int_sales_enriched'),
        on_dates='select touched_dates.sales_date from touched_dates' if is_incremental() else none,
    ) }}

),

final as (

    select
        cast({{ dbt.concat([
            'product_id', "'|'", dbt.cast('transaction_date', dbt.type_string())
        ]) }} as {{ ecom.type_text() }}) as product_day_id,
        cast(product_id as {{ ecom.type_text() }}) as product_id,
        transaction_date as sales_date,
        cast(product_name as {{ ecom.type_text() }}) as product_name,
        cast(category as {{ ecom.type_text() }}) as category,
        cast(count(distinct transaction_id) as integer) as order_count,
        {{ ecom.run_started_timestamp() }} as refreshed_at
    from sales
    group by product_id, transaction_date, product_name, category

)

select * from final
