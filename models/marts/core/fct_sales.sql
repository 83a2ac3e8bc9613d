with

validated_sales as (

    select * from {{ ref('int_sales_validated') }}

),

final as (

    select
        transaction_id,
        customer_id,
        product_id,
        batch_id,
        landed_file_name,
        quantity,
        amount,
        cast(transaction_at as date) as transaction_date,
        ingest_date,
        transaction_at
    from validated_sales
    where reject_reason is null

)

select * from final
