{#
    Every catalog row that arrived and cannot be used, with the reason: rows the ingest door
    refused (stg_lake__refused_rows: never landed, so only the door's reason and detail, the
    line number and the raw row) and landed rows with the rule int_products_validated applied.
    A table rebuilt by every build, not incremental: int_products_validated is itself rebuilt
    whole every build (a verdict depends on the whole export or pull:
    conflicting_duplicate_id), it holds one full export or pull a day, and the qa table is a
    small fraction of it; merging would read as much and add a delete for verdicts that change.
    refreshed_at is therefore the latest build's on every row.
#}
with

validated_products as (

    select * from {{ ref('int_products_validated') }}

),

refused_rows as (

    select * from {{ ref('stg_lake__refused_rows') }}

),

rejected_landed as (

    select
        product_row_id,
        product_id,
        batch_id,
        landed_file_name,
        reject_reason,
        cast(null as {{ dbt.type_string() }}) as reject_detail,
        product_name,
        category,
        list_price_raw,
        stock_quantity_raw,
        cast(null as {{ dbt.type_string() }}) as raw_row,
        cast(null as integer) as line_number,
        ingest_date
    from validated_products
    where reject_reason is not null

),

refused_at_the_door as (

    select
        refused_row_id as product_row_id,
        cast(null as {{ dbt.type_string() }}) as product_id,
        batch_id,
        landed_file_name,
        reject_reason,
        reject_detail,
        cast(null as {{ dbt.type_string() }}) as product_name,
        cast(null as {{ dbt.type_string() }}) as category,
        cast(null as {{ dbt.type_string() }}) as list_price_raw,
        cast(null as {{ dbt.type_string() }}) as stock_quantity_raw,
        raw_row,
        line_number,
        ingest_date
    from refused_rows
    where entity = 'products'

),

unioned as (

    select * from rejected_landed
    union all
    select * from refused_at_the_door

),

final as (

    select
        *,
        {{ ecom.run_started_timestamp() }} as refreshed_at
    from unioned

)

select * from final
