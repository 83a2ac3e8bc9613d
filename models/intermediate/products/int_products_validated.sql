{#
    Every landed catalog row with the one reason it cannot be used, or null when it is good.
    Each export is a full catalog, so a product normally appears once per export; older exports
    are history, not rejects. Rules, in order (the first that applies wins; seed reject_reasons):
      1. duplicate_row: an exact copy of another row in the same export (one copy is kept)
      2. missing_required_field: product_id, name, category or price is empty
      3. unparseable_price, 4. negative_price
      5. unparseable_stock: stock is given but is not a whole number (it may be empty)
      6. conflicting_duplicate_id: the same product_id more than once in one export with
         different content; none of them is used (the previous export's row stays current)
#}
with

products as (

    select * from {{ ref('stg_shop__products') }}

),

copies_numbered as (

    select
        *,
        row_number() over (
            partition by
                landed_file_name, product_id, product_name, category,
                list_price_raw, stock_quantity_raw
            order by product_row_id
        ) as copy_number
    from products

),

row_checked as (

    select
        *,
        case
            when copy_number > 1 then 'duplicate_row'
            when
                product_id is null
                or product_name is null
                or category is null
                or list_price_raw is null
                then 'missing_required_field'
            when list_price is null then 'unparseable_price'
            when list_price < 0 then 'negative_price'
            when stock_quantity_raw is not null and stock_quantity is null
                then 'unparseable_stock'
        end as row_reject_reason
    from copies_numbered

),

conflicts_counted as (

    select
        *,
        sum(case when row_reject_reason is null then 1 else 0 end) over (
            partition by landed_file_name, product_id
        ) as usable_rows_in_export
    from row_checked

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
        coalesce(
            row_reject_reason,
            case when usable_rows_in_export > 1 then 'conflicting_duplicate_id' end
        ) as reject_reason,
        list_price,
        stock_quantity,
        ingest_date
    from conflicts_counted

)

select * from final
