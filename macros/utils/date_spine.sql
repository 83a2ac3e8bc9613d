{#
    Every date from start_column to end_column (inclusive) of a one-row relation `bounds`, one
    row each, in a column `date_day`. Bounds come from data, so the spine follows the data; at
    most max_days days (default ~110 years). Portable: number_series + dbt.dateadd/datediff.
#}
{% macro date_spine(bounds, start_column, end_column, max_days=40000) %}
    {%- set start_date = bounds ~ '.' ~ start_column -%}
    {%- set end_date = bounds ~ '.' ~ end_column -%}
    select cast({{ dbt.dateadd('day', 'numbers.n', start_date) }} as date) as date_day
    from ({{ ecom.number_series(max_days) }}) as numbers
    cross join {{ bounds }}
    where numbers.n <= {{ dbt.datediff(start_date, end_date, 'day') }}
{% endmacro %}
