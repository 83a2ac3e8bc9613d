-- Every landed customer record that cannot be used, with the reason (int_customers_validated).
with

validated_customers as (

    select * from {{ ref('int_customers_validated') }}

),

final as (

    select
        customer_row_id,
        customer_id,
        batch_id,
        landed_file_name,
        reject_reason,
        customer_name,
        email,
        city,
        signup_date_raw,
        updated_at_raw,
        ingest_date
    from validated_customers
    where reject_reason is not null

)

select * from final
