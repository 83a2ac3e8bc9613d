{#
    The latest transactions, for a table to scan: every sale of the last `recent_transactions_days`
    (dbt var, default 7) days up to and including the latest sales date, with the customer as
    they were at the time of the sale (the dim_customers version valid then) and the product,
    as int_sales_enriched joins them. A table rebuilt on every build: it reads only the
    recent days of fct_sales (through the view int_sales_enriched), and its window moves every
    day, so every build changes which rows it holds anyway.
#}
with

calendar as (

    select * from {{ ref('dim_date') }}

),

latest as (

    -- the latest sales date from fct_orders (one row per order), not from the sales lines
    select max(order_date) as last_sales_date
    from {{ ref('fct_orders') }}

),

recent_dates as (

    -- the days as a list, so the filter below reaches fct_sales' scan
    select calendar.date_day
    from calendar
    inner join latest
        on
            calendar.date_day <= latest.last_sales_date
            and calendar.date_day > cast(
                {{ dbt.dateadd(
                    'day', -1 * var('recent_transactions_days'), 'latest.last_sales_date'
                ) }} as date
            )

),

sales as (

    -- a view over fct_sales
    select * from {{ ref('int_sales_enriched') }}
    where transaction_date in (select recent_dates.date_day from recent_dates)

),

final as (

    -- int_sales_enriched's columns a table of transactions shows (its money split left out)
    select
        {%- for column in [
            'sales_row_id', 'transaction_id', 'line_number', 'customer_id', 'is_guest',
            'product_id', 'line_type', 'is_return', 'customer_key', 'customer_name', 'city',
            'product_name', 'category', 'quantity', 'unit_price', 'amount',
            'is_customer_inferred', 'is_product_inferred', 'transaction_date', 'transaction_at',
        ] %}
            sales.{{ column }}{% if not loop.last %},{% endif %}
        {%- endfor %}
    from sales

)

select * from final
