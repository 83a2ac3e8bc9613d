{#
    One row per known customer who ordered at least once: orders, lifetime value (net of
    discounts and returns) and timing, with the customer's current attributes. Guest checkouts
    are not customers here. "As of" is the latest order date in fct_orders, not today, so the
    same data always gives the same numbers.
    A table over int_customer_orders (one row per customer, kept up to date incrementally),
    rebuilt on every build: as_of_date moves with every new day, and with it every customer's
    tenure_days and days_since_last_order, so each row changes daily anyway; the cost is one
    row per customer, not the sales history.
#}
with

customer_orders as (

    select * from {{ ref('int_customer_orders') }}

),

customers as (

    select * from {{ ref('dim_customers') }}

),

as_of as (

    select max(order_date) as as_of_date
    from {{ ref('fct_orders') }}

),

final as (

    select
        customer_orders.customer_id,
        customers.customer_name,
        customers.email,
        customers.city,
        cast(customer_orders.order_count as integer) as order_count,
        cast(customer_orders.units_purchased as integer) as units_purchased,
        cast(customer_orders.gross_sales as {{ ecom.type_money() }}) as gross_sales,
        cast(customer_orders.returns as {{ ecom.type_money() }}) as returns,
        cast(customer_orders.lifetime_value as {{ ecom.type_money() }}) as lifetime_value,
        {{ ecom.money_ratio('customer_orders.order_value', 'customer_orders.order_count') }}
            as avg_order_value,
        cast(
            {{ dbt.datediff('customer_orders.first_order_date', 'as_of.as_of_date', 'day') }}
            as integer
        ) as tenure_days,
        cast(
            {{ dbt.datediff('customer_orders.last_order_date', 'as_of.as_of_date', 'day') }}
            as integer
        ) as days_since_last_order,
        customers.is_inferred,
        customer_orders.first_order_date,
        customer_orders.last_order_date,
        as_of.as_of_date
    from customer_orders
    cross join as_of
    inner join customers
        on
            customer_orders.customer_id = customers.customer_id
            and customers.is_current
    where customer_orders.order_count > 0

)

select * from final
