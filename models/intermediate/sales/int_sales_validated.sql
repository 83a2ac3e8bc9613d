{#
    Every landed sales row with the one reason it cannot be used, or null when it is good.
    Rules, in order (the first that applies wins; codes documented in seed reject_reasons):
      1. duplicate_row: an exact copy of a row landed earlier (earliest batch, then file, is kept)
      2. missing_required_field, 3. unparseable_transaction_date, 4. unparseable_amount,
      5. unparseable_quantity, 6. negative_amount, 7. non_positive_quantity
      8. superseded_version: among the valid rows of one transaction_id, all but the latest
         (latest batch, then file name; a later *invalid* resend does not replace a valid row).
#}
{{
    config(
        materialized='incremental',
        unique_key='sales_row_id',
        incremental_strategy='merge',
        on_schema_change='fail',
        table_type='iceberg',
    )
}}
{#
    Incremental: every rule compares a line only with lines of the same transaction_id, so a
    run re-decides exactly the transactions that new landed files touch (all their lines, old
    and new) and merges the result on sales_row_id; every other line keeps its verdict. A daily
    run therefore costs one day's transactions, not the whole history, and ends where a full
    build ends (tests/python/test_incremental_fct_sales.py).
#}
with

staged_sales as (

    select * from {{ ref('stg_shop__sales') }}

),

{% if is_incremental() %}

    touched_transactions as (

        -- transactions with a line from a file this model has not seen yet ('' = missing id)
        select distinct coalesce(transaction_id, '') as transaction_key
        from staged_sales
        where landed_file_name not in (select landed_file_name from {{ this }})

    ),

    sales as (

        select staged_sales.*
        from staged_sales
        where coalesce(staged_sales.transaction_id, '') in (
            select touched_transactions.transaction_key from touched_transactions
        )

    ),

{% else %}

    sales as (

        select * from staged_sales

    ),

{% endif %}

copies_numbered as (

    select
        *,
        row_number() over (
            partition by
                transaction_id, customer_id, product_id,
                quantity_raw, amount_raw, transaction_date_raw
            order by batch_id, landed_file_name, sales_row_id
        ) as copy_number
    from sales

),

row_checked as (

    select
        *,
        case
            when copy_number > 1 then 'duplicate_row'
            when {{ ecom.any_is_null([
                'transaction_id', 'customer_id', 'product_id',
                'quantity_raw', 'amount_raw', 'transaction_date_raw',
            ]) }}
                then 'missing_required_field'
            when transaction_at is null then 'unparseable_transaction_date'
            when amount is null then 'unparseable_amount'
            when quantity is null then 'unparseable_quantity'
            when amount < 0 then 'negative_amount'
            when quantity <= 0 then 'non_positive_quantity'
        end as row_reject_reason
    from copies_numbered

),

versions_ranked as (

    select
        *,
        row_number() over (
            partition by transaction_id, row_reject_reason
            order by batch_id desc, landed_file_name desc, sales_row_id desc
        ) as version_rank
    from row_checked

),

final as (

    select
        sales_row_id,
        transaction_id,
        customer_id,
        product_id,
        batch_id,
        landed_file_name,
        quantity_raw,
        amount_raw,
        transaction_date_raw,
        coalesce(
            row_reject_reason,
            case when version_rank > 1 then 'superseded_version' end
        ) as reject_reason,
        quantity,
        amount,
        ingest_date,
        transaction_at
    from versions_ranked

)

select * from final
