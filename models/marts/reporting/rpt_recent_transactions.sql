{#
    The latest transactions, for a table to scan: every sale of the last `recent_transactions_days`
    (dbt var, default 7) days up to and including the latest sales date, with the customer as
    they were at the time of the sale (the dim_customers version valid then) and the product,
    as int_sales_enriched joins them.
#}
with

sales as (

    select * from {{ ref('int_sales_enriched') }}

),

window_start as (

    select
        cast(
            {{ dbt.dateadd(
                'day', 1 - var('recent_transactions_days'), 'max(transaction_date)'
            ) }} as date
        ) as first_recent_date
    from sales

),

final as (

    select
        sales.transaction_id,
        sales.customer_id,
        sales.product_id,
        sales.customer_key,
        sales.customer_name,
        sales.city,
        sales.product_name,
        sales.category,
        sales.quantity,
        sales.unit_price,
        sales.amount,
        sales.is_customer_inferred,
        sales.is_product_inferred,
        sales.transaction_date,
        sales.transaction_at
    from sales
    inner join window_start
        on sales.transaction_date >= window_start.first_recent_date

)

select * from final
