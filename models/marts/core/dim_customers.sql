{#
    Current state of every customer (latest record by updated_at, then by landing) plus an
    inferred member for every customer id that valid sales reference but the feed lacks
    (is_inferred = true); the next build replaces it once the customer arrives.
#}
with

customers as (

    select * from {{ ref('stg_shop__customers') }}

),

sales as (

    select * from {{ ref('int_sales_validated') }}

),

latest_record as (

    select
        *,
        row_number() over (
            partition by customer_id
            order by updated_at desc, batch_id desc, landed_file_name desc
        ) as recency_rank
    from customers
    where customer_id is not null

),

known_customers as (

    select
        customer_id,
        customer_name,
        email,
        city,
        false as is_inferred,
        signup_date,
        updated_at
    from latest_record
    where recency_rank = 1

),

inferred_customers as (

    select distinct
        sales.customer_id,
        'Unknown customer' as customer_name,
        cast(null as {{ dbt.type_string() }}) as email,
        'Unknown' as city,
        true as is_inferred,
        cast(null as date) as signup_date,
        cast(null as {{ dbt.type_timestamp() }}) as updated_at
    from sales
    left join known_customers
        on sales.customer_id = known_customers.customer_id
    where
        sales.reject_reason is null
        and known_customers.customer_id is null

),

final as (

    select * from known_customers
    union all
    select * from inferred_customers

)

select * from final
