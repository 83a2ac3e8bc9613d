-- Per day, the categories' revenue shares add up to 100% within rounding (each share is
-- rounded to 0.01, so the sum may be off by at most 0.005 per category). A daily run checks
-- the days whose sales it re-decided (macros/utils/test_scope.sql), a full sweep every day.
{% set changed_days = ecom.sales_days_changed_last(ref('int_sales_validated')) -%}
with

per_day as (

    select
        sales_date,
        count(*) as categories,
        sum(revenue_share_pct) as total_share_pct
    from {{ ref('rpt_sales_by_category') }}
    where
        revenue_share_pct is not null
        and {{ ecom.in_changed_keys('sales_date', changed_days) }}
    group by sales_date

)

select *
from per_day
where abs(total_share_pct - 100) > 0.005 * categories
