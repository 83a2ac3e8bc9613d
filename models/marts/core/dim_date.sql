{#
    The calendar: one row per day of every year that has sales (1 January of the first year
    to 31 December of the last), built in the project from a portable date spine
    (macros/utils/date_spine.sql). Weeks start on Monday (ISO); day_of_week is 1 = Monday ..
    7 = Sunday on every engine (computed from the week start, not from engine-specific
    day-of-week functions that disagree on Sunday).
#}
with

sales as (

    select * from {{ ref('fct_sales') }}

),

bounds as (

    select
        cast({{ dbt.date_trunc('year', 'min(transaction_date)') }} as date) as first_day,
        cast(
            {{ dbt.dateadd(
                'day', -1, dbt.dateadd('year', 1, dbt.date_trunc('year', 'max(transaction_date)'))
            ) }} as date
        ) as last_day
    from sales

),

spine as (

    {{ ecom.date_spine('bounds', 'first_day', 'last_day') }}

),

calendar as (

    select
        date_day,
        cast(extract(year from date_day) as integer) as year_number,
        cast(extract(quarter from date_day) as integer) as quarter_number,
        cast(extract(month from date_day) as integer) as month_number,
        cast(extract(day from date_day) as integer) as day_of_month,
        cast({{ dbt.date_trunc('week', 'date_day') }} as date) as week_start_date,
        cast({{ dbt.date_trunc('month', 'date_day') }} as date) as month_start_date,
        cast({{ dbt.date_trunc('quarter', 'date_day') }} as date) as quarter_start_date,
        cast({{ dbt.date_trunc('year', 'date_day') }} as date) as year_start_date
    from spine

),

with_weekday as (

    select
        *,
        1 + cast(
            {{ dbt.datediff('week_start_date', 'date_day', 'day') | trim }} as integer
        ) as day_of_week
    from calendar

),

final as (

    select
        date_day,
        cast({{ ecom.name_of_number('day_of_week', [
            'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
        ]) }} as {{ dbt.type_string() }}) as day_name,
        cast({{ ecom.name_of_number('month_number', [
            'January', 'February', 'March', 'April', 'May', 'June',
            'July', 'August', 'September', 'October', 'November', 'December',
        ]) }} as {{ dbt.type_string() }}) as month_name,
        year_number,
        quarter_number,
        month_number,
        day_of_month,
        day_of_week,
        day_of_week >= 6 as is_weekend,
        week_start_date,
        month_start_date,
        quarter_start_date,
        year_start_date
    from with_weekday

)

select * from final
