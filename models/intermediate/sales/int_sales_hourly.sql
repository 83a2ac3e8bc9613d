{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        post_hook="{{ ecom.delete_superseded_rows(this, 'sales_date in ('
            ~ ecom.sales_dates_changed_after(ecom.last_refreshed_at(this, before_this_run=true)) ~ ')') }}",
    )
}}
-- depends_on: {{ ref('int_sales_validated') }}
{#
    Sales per day and hour of day (UTC): one row per hour of a day that had sales lines
    (orders: those with a line sold; units: merchandise sold; revenue: net sales), what
    rpt_sales_by_weekday_hour sums instead of the whole sales history. Incremental: a daily
    build recomputes the days of the sales lines re-decided since its last refresh (an hour
    left with no sales is deleted, macros/models/incremental_reports.sql).
#}
with

sales as (

    -- a view over fct_sales: the day filter reaches fct_sales' scan
    select * from {{ ref('int_sales_enriched') }}
    {% if is_incremental() %}
        where transaction_date in (
            {{ ecom.sales_dates_changed_after(ecom.last_refreshed_at(this)) }}
        )
    {% endif %}

),

sales_in_hours as (

    select
        cast({{ dbt.date_trunc('hour', 'transaction_at') }} as {{ dbt.type_timestamp() }})
            as sales_hour,
        transaction_date,
        day_of_week,
        cast(extract(hour from transaction_at) as integer) as hour_of_day,
        transaction_id,
        is_return,
        units_sold,
        net_amount
    from sales

),

final as (

    select
        sales_hour,
        transaction_date as sales_date,
        cast(day_of_week as integer) as day_of_week,
        cast(hour_of_day as integer) as hour_of_day,
        cast(count(distinct case when units_sold > 0 then transaction_id end) as integer)
            as order_count,
        cast(sum(units_sold) as integer) as units_sold,
        cast(sum(net_amount) as {{ ecom.type_money() }}) as revenue,
        {{ ecom.run_started_timestamp() }} as refreshed_at
    from sales_in_hours
    group by sales_hour, transaction_date, day_of_week, hour_of_day

)

select * from final
