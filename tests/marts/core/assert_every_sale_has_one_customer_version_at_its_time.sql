-- A point-in-time join of fct_sales to dim_customers (customer_id, valid_from <= transaction_at
-- < valid_to) finds exactly one version for every sale: the versions of a customer leave no
-- gap and do not overlap, and late-arriving customers have their inferred member.
with

sales as (

    select * from {{ ref('fct_sales') }}

),

customers as (

    select * from {{ ref('dim_customers') }}

),

matches as (

    select
        sales.transaction_id,
        count(customers.customer_key) as versions_found
    from sales
    left join customers
        on
            sales.customer_id = customers.customer_id
            and sales.transaction_at >= customers.valid_from
            and sales.transaction_at < customers.valid_to
    group by sales.transaction_id

)

select *
from matches
where versions_found != 1
