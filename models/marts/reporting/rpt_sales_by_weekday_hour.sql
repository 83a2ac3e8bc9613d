{#
    Sales by day of week (1 = Monday .. 7 = Sunday) and hour of day (UTC), for a heatmap: all
    7 x 24 = 168 slots, zeros included, over every day from the first to the last sales date.
    The per-day averages divide by how many of that weekday the range contains, so a range that
    holds one more Saturday than Monday does not make Saturdays look busier.
    A table over int_sales_hourly (one row per hour of a day with sales, kept up to date
    incrementally), rebuilt on every build: days_observed changes whenever the range gains a
    day, and the 168 slots cost a sum over days x 24 rows, not over the sales history.
#}
with

hourly as (

    select * from {{ ref('int_sales_hourly') }}

),

calendar as (

    select * from {{ ref('dim_date') }}

),

slots as (

    select
        numbers.n as weekday_hour_id,
        1 + {{ ecom.integer_divide('numbers.n', '24') }} as day_of_week,
        numbers.n - 24 * {{ ecom.integer_divide('numbers.n', '24') }} as hour_of_day
    from ({{ ecom.number_series(168) }}) as numbers

),

weekday_names as (

    select distinct
        day_of_week,
        day_name
    from calendar

),

sales_range as (

    select
        min(sales_date) as first_sales_date,
        max(sales_date) as last_sales_date
    from hourly

),

days_observed as (

    select
        calendar.day_of_week,
        count(*) as days_in_range
    from calendar
    inner join sales_range
        on calendar.date_day between sales_range.first_sales_date and sales_range.last_sales_date
    group by calendar.day_of_week

),

per_slot as (

    select
        day_of_week,
        hour_of_day,
        sum(order_count) as order_count,
        sum(units_sold) as units_sold,
        sum(revenue) as revenue
    from hourly
    group by day_of_week, hour_of_day

),

final as (

    select
        cast(slots.weekday_hour_id as integer) as weekday_hour_id,
        cast(weekday_names.day_name as {{ dbt.type_string() }}) as day_name,
        cast(slots.day_of_week as integer) as day_of_week,
        cast(slots.hour_of_day as integer) as hour_of_day,
        cast(coalesce(days_observed.days_in_range, 0) as integer) as days_observed,
        cast(coalesce(per_slot.order_count, 0) as integer) as order_count,
        cast(coalesce(per_slot.units_sold, 0) as integer) as units_sold,
        cast(coalesce(per_slot.revenue, 0) as {{ ecom.type_money() }}) as revenue,
        {{ ecom.money_ratio(
            'coalesce(per_slot.order_count, 0)', 'days_observed.days_in_range'
        ) }} as avg_transactions_per_day,
        {{ ecom.money_ratio('coalesce(per_slot.revenue, 0)', 'days_observed.days_in_range') }}
            as avg_revenue_per_day
    from slots
    left join weekday_names
        on slots.day_of_week = weekday_names.day_of_week
    left join days_observed
        on slots.day_of_week = days_observed.day_of_week
    left join per_slot
        on
            slots.day_of_week = per_slot.day_of_week
            and slots.hour_of_day = per_slot.hour_of_day

)

select * from final
