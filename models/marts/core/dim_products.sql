{#
    One row per product: the product's row in the latest catalog export that has a usable row
    for it (type 1: the catalog keeps no history worth reporting on), plus an inferred member
    (is_inferred = true) for every product id fct_sales references that no export has
    delivered yet. fct_sales keys on product_id, so when the product arrives the next build
    swaps the inferred row for the real one and every fact, old or new, picks it up.
#}
with

validated_products as (

    select * from {{ ref('int_products_validated') }}

),

sales as (

    select * from {{ ref('fct_sales') }}

),

latest_export as (

    select
        *,
        row_number() over (
            partition by product_id
            order by batch_id desc, landed_file_name desc
        ) as recency_rank
    from validated_products
    where reject_reason is null

),

catalog_products as (

    select
        product_id,
        product_name,
        category,
        list_price,
        stock_quantity,
        false as is_inferred,
        ingest_date as catalog_ingest_date
    from latest_export
    where recency_rank = 1

),

inferred_products as (

    select distinct
        sales.product_id,
        'Unknown product' as product_name,
        'Unknown' as category,
        cast(null as {{ ecom.type_money() }}) as list_price,
        cast(null as integer) as stock_quantity,
        true as is_inferred,
        cast(null as date) as catalog_ingest_date
    from sales
    left join catalog_products
        on sales.product_id = catalog_products.product_id
    where catalog_products.product_id is null

),

unioned as (

    select * from catalog_products
    union all
    select * from inferred_products

),

final as (

    select
        cast(product_id as {{ dbt.type_string() }}) as product_id,
        cast(product_name as {{ dbt.type_string() }}) as product_name,
        cast(category as {{ dbt.type_string() }}) as category,
        cast(list_price as {{ ecom.type_money() }}) as list_price,
        cast(stock_quantity as integer) as stock_quantity,
        is_inferred,
        catalog_ingest_date
    from unioned

)

select * from final
