{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        post_hook="{{ ecom.delete_superseded_rows(this, 'sales_date in ('
            ~ ecom.product_report_dates(ecom.last_refreshed_at(this, before_this_run=true)) ~ ')') }}",
    )
}}
-- depends_on: {{ ref('int_sales_validated') }}
-- depends_on: {{ ref('int_product_sales_days') }}
{#
    One row per day and product category with merchandise sold or returned: orders, units,
    gross sales, returns, net sales and the category's share of the day's net sales, in
    percent to two decimals (exact: computed on integer cents, rounded half up). Only
    merchandise lines: postage, fees, discounts and adjustments belong to no category. Category
    is the product's current category; sales of products not yet in the catalog count under
    'Unknown'. unique_customers leaves guests out.
    Incremental: a daily build recomputes whole touched days (macros/models/
    incremental_reports.sql, product_report_dates): the days of the sales lines re-decided
    since the report's last refresh, and every day a product whose name or category changed
    sold on (int_product_sales_days recomputes those days first and says which). A touched
    day's category left with no sales is deleted.
#}
with

{% if is_incremental() %}
touched_dates as (

    {{ ecom.product_report_dates(ecom.last_refreshed_at(this)) }}

),
{% endif %}

sales as (

    {{ ecom.merchandise_sales(
        ref('int_sales_enriched'),
        on_dates='select sales_date from touched_dates' if is_incremental() else none,
    ) }}

),

category_day as (

    select
        transaction_date as sales_date,
        category,
        {{ ecom.merchandise_sums() }},
        count(distinct case when not is_guest then customer_id end) as unique_customers
    from sales
    group by transaction_date, category

),

day_totals as (

    select
        sales_date,
        sum(revenue) as day_revenue
    from category_day
    group by sales_date

),

final as (

    -- text columns spelled as in the contract (ecom.type_text): an incremental build compares
    -- the new rows' types with the table's (on_schema_change='fail')
    select
        cast({{ dbt.concat([
            dbt.cast('category_day.sales_date', dbt.type_string()), "'|'", 'category_day.category'
        ]) }} as {{ ecom.type_text() }}) as category_day_id,
        cast(category_day.category as {{ ecom.type_text() }}) as category,
        cast(category_day.order_count as integer) as order_count,
        cast(category_day.units_sold as integer) as units_sold,
        cast(category_day.units_returned as integer) as units_returned,
        cast(category_day.unique_customers as integer) as unique_customers,
        cast(category_day.gross_sales as {{ ecom.type_money() }}) as gross_sales,
        cast(category_day.returns as {{ ecom.type_money() }}) as returns,
        cast(category_day.revenue as {{ ecom.type_money() }}) as net_sales,
        {{ ecom.money_ratio(
            'cast(category_day.revenue * 100 as bigint) * 100',
            'cast(day_totals.day_revenue * 100 as bigint)'
        ) }} as revenue_share_pct,
        category_day.sales_date,
        {{ ecom.run_started_timestamp() }} as refreshed_at
    from category_day
    inner join day_totals
        on category_day.sales_date = day_totals.sales_date

)

select * from final
