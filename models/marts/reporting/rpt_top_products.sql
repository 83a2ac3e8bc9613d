{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        post_hook="{{ ecom.delete_superseded_rows(this, ecom.in_periods(
            ecom.top_products_periods(ecom.last_refreshed_at(this, before_this_run=true)),
            'period_type', 'period_start_date'
        )) }}",
    )
}}
-- depends_on: {{ ref('int_sales_validated') }}
-- depends_on: {{ ref('int_product_sales_days') }}
-- depends_on: {{ ref('dim_date') }}
{#
    Products ranked by net sales (gross sales less returns) per day, per ISO week (starting
    Monday) and per calendar month: one row per period and product sold or returned in it.
    Merchandise only: postage, fees, discounts and adjustments are not products. An order
    cancelled in full nets to zero, so it does not lift its products. revenue_rank orders all
    products of the period, category_revenue_rank the products of the same category (for
    drill-down). Ties are broken by net units, then product_id, so ranks are unique and
    stable; filter revenue_rank <= 10 for a top 10.
    Incremental: ranks compare all products of a period, so a daily build recomputes whole
    touched periods (macros/models/incremental_reports.sql, top_products_periods): the day,
    week and month of every day with sales lines re-decided since the report's last refresh,
    and of every day int_product_sales_days recomputed since (each day a product whose name or
    category changed sold on). A touched period's product left with no sales is deleted.
#}
{#- (period type, its first day, its last day) for each grain a product is ranked in -#}
{%- set periods = [
    ('day', 'transaction_date', 'transaction_date'),
    ('week', 'week_start_date', dbt.dateadd('day', 6, 'week_start_date')),
    ('month', 'month_start_date', dbt.last_day('month_start_date', 'month')),
] -%}
with

{% if is_incremental() %}
touched_periods as (

    {{ ecom.top_products_periods(ecom.last_refreshed_at(this)) }}

),

touched_dates as (

    -- every day of the touched periods: a period is ranked over all its days
    select date_day
    from {{ ref('dim_date') }}
    where
        date_day in ({{ ecom.period_starts('select * from touched_periods', 'day') }})
        or week_start_date in ({{ ecom.period_starts('select * from touched_periods', 'week') }})
        or month_start_date in (
            {{ ecom.period_starts('select * from touched_periods', 'month') }}
        )

),
{% endif %}

sales as (

    {{ ecom.merchandise_sales(
        ref('int_sales_enriched'),
        on_dates='select date_day from touched_dates' if is_incremental() else none,
    ) }}

),

per_period as (

    {% for period_type, start_date, end_date in periods %}
        select
            '{{ period_type }}' as period_type,
            {{ start_date }} as period_start_date,
            cast({{ end_date }} as date) as period_end_date,
            product_id,
            product_name,
            category,
            {{ ecom.merchandise_sums() }}
        from sales
        {% if is_incremental() %}
            where {{ start_date }} in (
                {{ ecom.period_starts('select * from touched_periods', period_type) }}
            )
        {% endif %}
        group by {{ start_date }}, product_id, product_name, category
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

ranked as (

    select
        *,
        row_number() over (
            partition by period_type, period_start_date
            order by revenue desc, units_sold - units_returned desc, product_id asc
        ) as revenue_rank,
        row_number() over (
            partition by period_type, period_start_date, category
            order by revenue desc, units_sold - units_returned desc, product_id asc
        ) as category_revenue_rank
    from per_period

),

final as (

    -- text columns spelled as in the contract (ecom.type_text): an incremental build compares
    -- the new rows' types with the table's (on_schema_change='fail')
    select
        cast({{ dbt.concat([
            'period_type', "'|'",
            dbt.cast('period_start_date', dbt.type_string()), "'|'",
            'product_id',
        ]) }} as {{ ecom.type_text() }}) as top_product_id,
        cast(product_id as {{ ecom.type_text() }}) as product_id,
        cast(period_type as {{ ecom.type_text() }}) as period_type,
        cast(product_name as {{ ecom.type_text() }}) as product_name,
        cast(category as {{ ecom.type_text() }}) as category,
        cast(revenue_rank as integer) as revenue_rank,
        cast(category_revenue_rank as integer) as category_revenue_rank,
        cast(order_count as integer) as order_count,
        cast(units_sold as integer) as units_sold,
        cast(units_returned as integer) as units_returned,
        cast(gross_sales as {{ ecom.type_money() }}) as gross_sales,
        cast(returns as {{ ecom.type_money() }}) as returns,
        cast(revenue as {{ ecom.type_money() }}) as net_sales,
        period_start_date,
        period_end_date,
        {{ ecom.run_started_timestamp() }} as refreshed_at
    from ranked

)

select * from final
