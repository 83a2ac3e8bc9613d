{#
    The current catalog (latest landed export per product) plus an inferred member for every
    product id that valid sales reference but the catalog lacks (is_inferred = true). When the
    product arrives in a later catalog export, the next build replaces the inferred row.
#}
with

products as (

    select * from {{ ref('stg_shop__products') }}

),

sales as (

    select * from {{ ref('int_sales_validated') }}

),

latest_export as (

    select
        *,
        row_number() over (
            partition by product_id
            order by batch_id desc, landed_file_name desc
        ) as recency_rank
    from products
    where product_id is not null

),

catalog_products as (

    select
        product_id,
        product_name,
        category,
        list_price,
        stock_quantity,
        false as is_inferred
    from latest_export
    where recency_rank = 1

),

inferred_products as (

    select distinct
        sales.product_id,
        'Unknown product' as product_name,
        'Unknown' as category,
        cast(null as decimal(18, 2)) as list_price,
        cast(null as integer) as stock_quantity,
        true as is_inferred
    from sales
    left join catalog_products
        on sales.product_id = catalog_products.product_id
    where
        sales.reject_reason is null
        and catalog_products.product_id is null

),

final as (

    select * from catalog_products
    union all
    select * from inferred_products

)

select * from final
