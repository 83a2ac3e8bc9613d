with

source as (

    -- the landed file is read here: Athena's "$path" exists only where the table is scanned
    select
        *,
        {{ ecom.landed_file_name() }} as landed_file_name
    from {{ source('shop', 'products') }}

),

final as (

    select
        nullif(trim(product_id), '') as product_id,
        {{ dbt.split_part('landed_file_name', "'-'", 1) }} as batch_id,
        landed_file_name,
        nullif(trim(name), '') as product_name,
        nullif(trim(category), '') as category,
        {{ dbt.safe_cast('trim(price)', 'decimal(18, 2)') }} as list_price,
        {{ dbt.safe_cast('trim(stock)', 'integer') }} as stock_quantity,
        cast(ingest_date as date) as ingest_date
    from source

)

select * from final
