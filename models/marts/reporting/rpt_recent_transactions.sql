{#
    The latest transactions, for a table to scan: every sale of the last `recent_transactions_days`
    (dbt var, default 7) days up to and including the latest sales date, with the customer as
    they were at the time of the sale (the dim_customers version valid then) and the product.
#}
with

sales as (

    select * from {{ ref('fct_sales') }}

),

customers as (

    select * from {{ ref('dim_customers') }}

),

products as (

    select * from {{ ref('dim_products') }}

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

recent_sales as (

    select sales.*
    from sales
    inner join window_start
        on sales.transaction_date >= window_start.first_recent_date

),

final as (

    select
        recent_sales.transaction_id,
        recent_sales.customer_id,
        recent_sales.product_id,
        customers.customer_key,
        customers.customer_name,
        customers.city,
        products.product_name,
        products.category,
        recent_sales.quantity,
        recent_sales.unit_price,
        recent_sales.amount,
        customers.is_inferred as is_customer_inferred,
        products.is_inferred as is_product_inferred,
        recent_sales.transaction_date,
        recent_sales.transaction_at
    from recent_sales
    left join customers
        on
            recent_sales.customer_id = customers.customer_id
            and recent_sales.transaction_at >= customers.valid_from
            and recent_sales.transaction_at < customers.valid_to
    left join products
        on recent_sales.product_id = products.product_id

)

select * from final
