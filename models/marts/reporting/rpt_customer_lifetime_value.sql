{#
    One row per customer who bought at least once: orders, lifetime value and timing, with the
    customer's current attributes. "As of" is the latest transaction date in fct_sales, not
    today, so the same data always gives the same numbers.
#}
with

sales as (

    select * from {{ ref('fct_sales') }}

),

customers as (

    select * from {{ ref('dim_customers') }}

),

as_of as (

    select max(transaction_date) as as_of_date
    from sales

),

per_customer as (

    select
        customer_id,
        count(*) as order_count,
        sum(quantity) as units_purchased,
        sum(amount) as lifetime_value,
        min(transaction_date) as first_order_date,
        max(transaction_date) as last_order_date
    from sales
    group by customer_id

),

final as (

    select
        per_customer.customer_id,
        customers.customer_name,
        customers.email,
        customers.city,
        cast(per_customer.order_count as integer) as order_count,
        cast(per_customer.units_purchased as integer) as units_purchased,
        cast(per_customer.lifetime_value as {{ ecom.type_money() }}) as lifetime_value,
        {{ ecom.money_ratio('per_customer.lifetime_value', 'per_customer.order_count') }}
            as avg_order_value,
        cast(
            {{ dbt.datediff('per_customer.first_order_date', 'as_of.as_of_date', 'day') }}
            as integer
        ) as tenure_days,
        cast(
            {{ dbt.datediff('per_customer.last_order_date', 'as_of.as_of_date', 'day') }}
            as integer
        ) as days_since_last_order,
        customers.is_inferred,
        per_customer.first_order_date,
        per_customer.last_order_date,
        as_of.as_of_date
    from per_customer
    cross join as_of
    inner join customers
        on
            per_customer.customer_id = customers.customer_id
            and customers.is_current

)

select * from final
