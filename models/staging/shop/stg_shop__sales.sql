with

source as (

    select * from {{ source('shop', 'sales') }}

),

landed as (

    select
        {{ ecom.landed_file_name() }} as landed_file_name,
        cast(ingest_date as date) as ingest_date,
        nullif(trim(transaction_id), '') as transaction_id,
        nullif(trim(customer_id), '') as customer_id,
        nullif(trim(product_id), '') as product_id,
        nullif(trim(quantity), '') as quantity_raw,
        nullif(trim(amount), '') as amount_raw,
        nullif(trim(transaction_date), '') as transaction_date_raw
    from source

),

typed as (

    select
        *,
        {{ dbt.safe_cast('quantity_raw', 'decimal(18, 4)') }} as quantity_number,
        {{ dbt.safe_cast('amount_raw', 'decimal(18, 2)') }} as amount,
        {{ dbt.safe_cast('transaction_date_raw', dbt.type_timestamp()) }} as transaction_at,
        -- identical lines within one file are told apart by their occurrence number
        row_number() over (
            partition by
                landed_file_name, transaction_id, customer_id, product_id,
                quantity_raw, amount_raw, transaction_date_raw
            order by landed_file_name
        ) as occurrence_in_file
    from landed

),

final as (

    select
        {{ dbt.hash(dbt.concat([
            "coalesce(landed_file_name, '')", "'|'",
            "coalesce(transaction_id, '')", "'|'",
            "coalesce(customer_id, '')", "'|'",
            "coalesce(product_id, '')", "'|'",
            "coalesce(quantity_raw, '')", "'|'",
            "coalesce(amount_raw, '')", "'|'",
            "coalesce(transaction_date_raw, '')", "'|'",
            dbt.cast("occurrence_in_file", dbt.type_string()),
        ])) }} as sales_row_id,
        transaction_id,
        customer_id,
        product_id,
        {{ dbt.split_part('landed_file_name', "'-'", 1) }} as batch_id,
        landed_file_name,
        quantity_raw,
        amount_raw,
        transaction_date_raw,
        case
            when quantity_number = floor(quantity_number)
                then cast(quantity_number as integer)
        end as quantity,
        amount,
        ingest_date,
        transaction_at
    from typed

)

select * from final
