{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
    )
}}
{#
    Append-only: a landed file never changes, so each file is parsed once, when it is first
    staged, and a daily run reads only the new day's file (macros/utils/unstaged_lake_files.sql).
    A table, not a view: parsing the raw CSV is the most expensive step of the pipeline, and
    the tests and models downstream would repeat it.
    One row per landed line of an order (transaction_id). Files landed before the contract had
    line_number, line_type and original_transaction_id read them as empty.
#}
{#- Each column and the raw field it is read from; together they identify a landed line. -#}
{%- set landed_relation = ecom.unstaged_lake_files(
    source('shop', 'sales'), 'landing/sales/*/*.csv', this
) -%}
{#- The contract's later columns: empty where no file read has them (files landed before). -#}
{%- set present = ecom.landed_columns(
    landed_relation, ['line_number', 'line_type', 'original_transaction_id']
) -%}
{%- set landed_fields = {
    'transaction_id': ecom.strip_zero_width('transaction_id'),
    'customer_id': ecom.strip_zero_width('customer_id'),
    'product_id': ecom.strip_zero_width('product_id'),
    'quantity_raw': 'quantity',
    'amount_raw': 'amount',
    'transaction_date_raw': 'transaction_date',
    'line_number_raw': 'line_number' if 'line_number' in present else 'null',
    'line_type_raw': 'lower(line_type)' if 'line_type' in present else 'null',
    'original_transaction_id': ecom.strip_zero_width('original_transaction_id')
        if 'original_transaction_id' in present else 'null',
} -%}
with

landed as (

    {{ ecom.select_landed_fields(landed_relation, landed_fields) }}
    {% if is_incremental() %}
        where {{ ecom.landed_file_name() }} not in (select distinct landed_file_name from {{ this }})
    {% endif %}

),

typed as (

    -- A value is only cast when it has the documented format, so every engine accepts and
    -- refuses the same values (DuckDB alone would also read '2026/08/23 10:00:00').
    select
        *,
        {{ ecom.cast_if_well_formed('quantity_raw', 'integer') }} as quantity,
        {{ ecom.cast_if_well_formed('amount_raw', 'money') }} as amount,
        {{ ecom.cast_if_well_formed('transaction_date_raw', 'timestamp') }} as transaction_at,
        {{ ecom.cast_if_well_formed('line_number_raw', 'integer') }} as line_number
    from landed

),

final as (

    select
        {{ ecom.landed_row_id(landed_fields.keys() | list) }} as sales_row_id,
        transaction_id,
        customer_id,
        product_id,
        {{ dbt.split_part('landed_file_name', "'-'", 1) }} as batch_id,
        landed_file_name,
        quantity_raw,
        amount_raw,
        transaction_date_raw,
        line_number_raw,
        line_type_raw,
        original_transaction_id,
        quantity,
        amount,
        line_number,
        ingest_date,
        transaction_at,
        {{ ecom.run_started_timestamp() }} as refreshed_at
    from typed

)

select * from final
