with

validated_sales as (

    select * from {{ ref('int_sales_validated') }}

),

final as (

    select
        sales_row_id,
        transaction_id,
        customer_id,
        product_id,
        batch_id,
        landed_file_name,
        reject_reason,
        quantity_raw,
        amount_raw,
        transaction_date_raw,
        ingest_date
    from validated_sales
    where reject_reason is not null

)

select * from final
