{#- Each column and the raw field it is read from; together they identify a landed row. -#}
{%- set landed_fields = {
    'product_id': ecom.strip_zero_width('product_id'),
    'product_name': 'name',
    'category': 'category',
    'list_price_raw': 'price',
    'stock_quantity_raw': 'stock',
} -%}
with

landed as (

    {{ ecom.select_landed_fields(
        source('shop', 'products'), landed_fields, 'landing/products/*/*.ndjson'
    ) }}

),

typed as (

    -- Same rule as sales: a value is cast only when it has the documented format.
    select
        *,
        {{ ecom.cast_if_well_formed('list_price_raw', 'money') }} as list_price,
        {{ ecom.cast_if_well_formed('stock_quantity_raw', 'integer') }} as stock_quantity
    from landed

),

final as (

    select
        {{ ecom.landed_row_id(landed_fields.keys() | list) }} as product_row_id,
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
