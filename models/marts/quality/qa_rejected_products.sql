-- Every landed catalog row that cannot be used, with the reason (see int_products_validated).
with

validated_products as (

    select * from {{ ref('int_products_validated') }}

),

final as (

    select
        product_row_id,
        product_id,
        batch_id,
        landed_file_name,
        reject_reason,
        product_name,
        category,
        list_price_raw,
        stock_quantity_raw,
        ingest_date
    from validated_products
    where reject_reason is not null

)

select * from final
