{#
    Every landed catalog row with the one reason it cannot be used, or null when it is good.
    Each export is a full catalog, so a product normally appears once per export; older exports
    are history, not rejects. Rules, in order (the first that applies wins; numbered as in seed
    reject_reasons, where 1-5 are the ingest door's reasons for rows refused before they
    landed; rules 6 and 11 are every full-export feed's, macros/models/full_export_reject_reason.sql):
      6. duplicate_row: an exact copy of another row in the same export (one copy is kept)
      7. missing_required_field: product_id, name, category or price is empty
      8. unparseable_price, 9. negative_price
      10. unparseable_stock: stock is given but is not a whole number (it may be empty)
      11. conflicting_duplicate_id: the same product_id more than once in one export with
          different content; none of them is used (the previous export's row stays current)
#}
with

products as (

    select * from {{ ref('stg_shop__products') }}

),

validated as (

    {% call ecom.full_export_reject_reason(
        'products',
        entity_id='product_id',
        row_id='product_row_id',
        record_columns=[
            'product_id', 'product_name', 'category', 'list_price_raw', 'stock_quantity_raw',
        ],
    ) %}
        when {{ ecom.any_is_null(['product_id', 'product_name', 'category', 'list_price_raw']) }}
            then 'missing_required_field'
        when list_price is null then 'unparseable_price'
        when list_price < 0 then 'negative_price'
        when stock_quantity_raw is not null and stock_quantity is null
            then 'unparseable_stock'
    {% endcall %}

),

final as (

    select
        product_row_id,
        product_id,
        batch_id,
        landed_file_name,
        product_name,
        category,
        list_price_raw,
        stock_quantity_raw,
        reject_reason,
        list_price,
        stock_quantity,
        ingest_date
    from validated

)

select * from final
