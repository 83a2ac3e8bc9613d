with

source as (

    -- the landed file is read here: Athena's "$path" exists only where the table is scanned
    select
        *,
        {{ ecom.landed_file_name() }} as landed_file_name
    from {{ source('shop', 'products') }}

),

landed as (

    select
        landed_file_name,
        cast(ingest_date as date) as ingest_date,
        {{ ecom.clean_string('product_id') }} as product_id,
        {{ ecom.clean_string('name') }} as product_name,
        {{ ecom.clean_string('category') }} as category,
        {{ ecom.clean_string('price') }} as list_price_raw,
        {{ ecom.clean_string('stock') }} as stock_quantity_raw
    from source

),

typed as (

    -- Same rule as sales: a value is cast only when it has the documented format.
    select
        *,
        case
            when {{ ecom.regexp_full_match('list_price_raw', '-?[0-9]{1,16}([.][0-9]{1,2})?') }}
                then {{ dbt.safe_cast('list_price_raw', ecom.type_money()) }}
        end as list_price,
        case
            when {{ ecom.regexp_full_match('stock_quantity_raw', '-?[0-9]{1,9}') }}
                then {{ dbt.safe_cast('stock_quantity_raw', 'integer') }}
        end as stock_quantity,
        row_number() over (
            partition by
                landed_file_name, product_id, product_name, category,
                list_price_raw, stock_quantity_raw
            order by landed_file_name
        ) as occurrence_in_file
    from landed

),

final as (

    select
        {{ dbt.hash(dbt.concat([
            "coalesce(landed_file_name, '')", "'|'",
            "coalesce(product_id, '')", "'|'",
            "coalesce(product_name, '')", "'|'",
            "coalesce(category, '')", "'|'",
            "coalesce(list_price_raw, '')", "'|'",
            "coalesce(stock_quantity_raw, '')", "'|'",
            dbt.cast("occurrence_in_file", dbt.type_string()),
        ])) }} as product_row_id,
        product_id,
        {{ dbt.split_part('landed_file_name', "'-'", 1) }} as batch_id,
        landed_file_name,
        product_name,
        category,
        list_price_raw,
        stock_quantity_raw,
        list_price,
        stock_quantity,
        ingest_date
    from typed

)

select * from final
