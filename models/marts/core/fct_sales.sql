{{
    config(
        materialized='incremental',
        unique_key='transaction_id',
        incremental_strategy='merge',
        on_schema_change='fail',
    )
}}
{#
    One row per transaction: the line int_sales_validated keeps for it (duplicates collapsed,
    the latest valid version of a corrected transaction). Incremental: a build merges, on
    transaction_id, every kept line whose transaction date is at most `sales_lookback_days`
    (dbt var, default 7) before the latest date already loaded. That window is where late lines
    and corrections arrive, so they update the row in place; a line older than the window waits
    in qa_rejected_sales as outside_lookback_window until a --full-refresh. Keeping the whole
    merge inside a transaction-date window is also what lets an engine prune the target by date
    (incremental predicates, partitions).
#}
with

validated_sales as (

    select * from {{ ref('int_sales_validated') }}

),

lookback_window as (

    -- a full build takes every date; an incremental one the last sales_lookback_days days
    {% if is_incremental() %}
        select
            cast(
                {{ dbt.dateadd('day', -1 * var('sales_lookback_days'), 'max(transaction_date)') }}
                as date
            ) as window_start_date
        from {{ this }}
    {% else %}
        select cast(null as date) as window_start_date
    {% endif %}

),

kept_sales as (

    select validated_sales.*
    from validated_sales
    cross join lookback_window
    where
        validated_sales.reject_reason is null
        and cast(validated_sales.transaction_at as date) >= coalesce(
            lookback_window.window_start_date, cast('1900-01-01' as date)
        )

),

final as (

    select
        sales_row_id,
        transaction_id,
        customer_id,
        product_id,
        batch_id,
        landed_file_name,
        quantity,
        amount,
        {{ ecom.money_ratio('amount', 'quantity') }} as unit_price,
        cast(transaction_at as date) as transaction_date,
        ingest_date,
        transaction_at
    from kept_sales

)

select * from final
