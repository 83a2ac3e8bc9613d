{#
    Every catalog row that arrived and cannot be used, with the reason: rows the ingest door
    refused (stg_lake__refused_rows: never landed, so only the door's reason and detail, the
    line number and the raw row) and landed rows with the rule int_products_validated applied
    (macros/models/rejected_rows.sql).
    A table rebuilt by every build, not incremental: int_products_validated is itself rebuilt
    whole every build (a verdict depends on the whole export: conflicting_duplicate_id), it
    holds one full export a day, and the qa table is a small fraction of it; merging would
    read as much and add a delete for verdicts that change. refreshed_at is therefore the
    latest build's on every row.
#}
{{ ecom.rejected_rows(
    entity='products',
    validated=ref('int_products_validated'),
    refused=ref('stg_lake__refused_rows'),
    row_id='product_row_id',
    ids=['product_id'],
    fields=['product_name', 'category', 'list_price_raw', 'stock_quantity_raw'],
) }}
