{#
    Every landed sales row with the one reason it cannot be used, or null when it is good.
    Rules, in order (the first that applies wins; codes documented in seed reject_reasons):
      1. duplicate_row: an exact copy of a row landed earlier (earliest batch, then file, is kept)
      2. missing_required_field, 3. unparseable_transaction_date, 4. unparseable_amount,
      5. unparseable_quantity, 6. negative_amount, 7. non_positive_quantity
      8. superseded_version: among the valid rows of one transaction_id, all but the latest
         (latest batch, then file name; a later *invalid* resend does not replace a valid row).
#}
with

sales as (

    select * from {{ ref('stg_shop__sales') }}

),

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
            when
                transaction_id is null
                or customer_id is null
                or product_id is null
                or quantity_raw is null
                or amount_raw is null
                or transaction_date_raw is null
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
