{{ config(materialized='view') }}
{#
    Every sale of fct_sales with what the reports look up for it, joined once here: the
    customer as they were at the time of the sale (the dim_customers version valid at
    transaction_at), the product (dim_products) and the calendar day (dim_date). One row per
    transaction: a customer's versions leave no gap and do not overlap, and every product and
    sales date has its dimension row (inferred members), which the tests on this model check.
    A view, not a table: the reports read it for a few days on a daily build (their day filter
    on transaction_date reaches fct_sales' scan), and a table would be the whole history
    joined again on every build.
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

calendar as (

    select * from {{ ref('dim_date') }}

),

final as (

    select
        sales.transaction_id,
        sales.customer_id,
        sales.product_id,
        customers.customer_key,
        customers.customer_name,
        customers.city,
        products.product_name,
        products.category,
        sales.quantity,
        sales.unit_price,
        sales.amount,
        calendar.day_of_week,
        customers.is_inferred as is_customer_inferred,
        products.is_inferred as is_product_inferred,
        sales.transaction_date,
        calendar.week_start_date,
        calendar.month_start_date,
        sales.transaction_at
    from sales
    left join customers
        on
            sales.customer_id = customers.customer_id
            and sales.transaction_at >= customers.valid_from
            and sales.transaction_at < customers.valid_to
    left join products
        on sales.product_id = products.product_id
    left join calendar
        on sales.transaction_date = calendar.date_day

)

select * from final
