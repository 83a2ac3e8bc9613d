{#
    Every landed sales line that is not in fct_sales, with the reason (codes in seed
    reject_reasons). The reason is the rule int_sales_validated applied; a valid line that the
    incremental fct_sales has not merged because its transaction date was older than the
    lookback window when it landed is outside_lookback_window (a --full-refresh moves it into
    fct_sales). A line counts as used when fct_sales holds it, so fct_sales and this model
    together account for every landed line exactly once.
#}
with

validated_sales as (

    select * from {{ ref('int_sales_validated') }}

),

loaded_sales as (

    select sales_row_id from {{ ref('fct_sales') }}

),

final as (

    select
        validated_sales.sales_row_id,
        validated_sales.transaction_id,
        validated_sales.customer_id,
        validated_sales.product_id,
        validated_sales.batch_id,
        validated_sales.landed_file_name,
        coalesce(validated_sales.reject_reason, 'outside_lookback_window') as reject_reason,
        validated_sales.quantity_raw,
        validated_sales.amount_raw,
        validated_sales.transaction_date_raw,
        validated_sales.ingest_date
    from validated_sales
    left join loaded_sales
        on validated_sales.sales_row_id = loaded_sales.sales_row_id
    where loaded_sales.sales_row_id is null

)

select * from final
