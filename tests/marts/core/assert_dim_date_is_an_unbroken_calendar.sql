-- dim_date has every day between its first and last day, once, covers every sales date, and
-- its day_of_week agrees with its week_start_date (a Monday). A daily run looks for the sales
-- of the days it re-decided in it (macros/utils/test_scope.sql), a full sweep for every sale.
{% set changed_days = ecom.sales_days_changed_last(ref('int_sales_validated')) -%}
with

calendar as (

    select * from {{ ref('dim_date') }}

),

span as (

    select
        count(*) as days_present,
        {{ dbt.datediff(
            'min(date_day)', 'max(date_day)', 'day'
        ) }} + 1 as days_expected
    from calendar

),

gaps as (

    select 'missing days' as problem
    from span
    where days_present != days_expected

),

uncovered_sales as (

    select 'sales date outside dim_date' as problem
    from {{ ref('fct_sales') }} as sales
    left join calendar
        on sales.transaction_date = calendar.date_day
    where
        calendar.date_day is null
        and {{ ecom.in_changed_keys('sales.transaction_date', changed_days) }}

),

bad_weekdays as (

    select 'day_of_week disagrees with week_start_date' as problem
    from calendar
    where
        cast({{ dbt.dateadd('day', 'day_of_week - 1', 'week_start_date') }} as date)
        != date_day

)

select * from gaps
union all
select * from uncovered_sales
union all
select * from bad_weekdays
