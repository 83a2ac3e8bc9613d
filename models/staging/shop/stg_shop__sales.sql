{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        table_type='iceberg',
    )
}}
{#
    Append-only: a landed file never changes, so each file is parsed once, when it is first
    staged, and a daily run reads only the new day's file (macros/utils/unstaged_lake_files.sql).
    This is the one staging model that is a table, not a view: parsing the raw CSV is the most
    expensive step of the pipeline, and the tests and models downstream would repeat it.
#}
with

source as (

    -- the landed file is read here: Athena's "$path" exists only where the table is scanned
    select
        *,
        {{ ecom.landed_file_name() }} as landed_file_name
    from {{ ecom.unstaged_lake_files(source('shop', 'sales'), 'landing/sales/*/*.csv', this) }}
    {% if is_incremental() %}
        where {{ ecom.landed_file_name() }} not in (select landed_file_name from {{ this }})
    {% endif %}

),

landed as (

    select
        landed_file_name,
        cast(ingest_date as date) as ingest_date,
        {{ ecom.clean_string('transaction_id') }} as transaction_id,
        {{ ecom.clean_string('customer_id') }} as customer_id,
        {{ ecom.clean_string('product_id') }} as product_id,
        {{ ecom.clean_string('quantity') }} as quantity_raw,
        {{ ecom.clean_string('amount') }} as amount_raw,
        {{ ecom.clean_string('transaction_date') }} as transaction_date_raw
    from source

),

typed as (

    -- A value is only cast when it has the documented format, so every engine accepts and
    -- refuses the same values (DuckDB alone would also read '2026/08/23 10:00:00').
    select
        *,
        case
            when {{ ecom.regexp_full_match('quantity_raw', '-?[0-9]{1,9}') }}
                then {{ dbt.safe_cast('quantity_raw', 'integer') }}
        end as quantity,
        case
            when {{ ecom.regexp_full_match('amount_raw', '-?[0-9]{1,16}([.][0-9]{1,2})?') }}
                then {{ dbt.safe_cast('amount_raw', ecom.type_money()) }}
        end as amount,
        case
            when {{ ecom.regexp_full_match(
                'transaction_date_raw',
                '[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}'
            ) }}
                then {{ dbt.safe_cast('transaction_date_raw', dbt.type_timestamp()) }}
        end as transaction_at,
        -- identical lines within one file are told apart by their occurrence number
        row_number() over (
            partition by
                landed_file_name, transaction_id, customer_id, product_id,
                quantity_raw, amount_raw, transaction_date_raw
            order by landed_file_name
        ) as occurrence_in_file
    from landed

),

final as (

    select
        {{ dbt.hash(dbt.concat([
            "coalesce(landed_file_name, '')", "'|'",
            "coalesce(transaction_id, '')", "'|'",
            "coalesce(customer_id, '')", "'|'",
            "coalesce(product_id, '')", "'|'",
            "coalesce(quantity_raw, '')", "'|'",
            "coalesce(amount_raw, '')", "'|'",
            "coalesce(transaction_date_raw, '')", "'|'",
            dbt.cast("occurrence_in_file", dbt.type_string()),
        ])) }} as sales_row_id,
        transaction_id,
        customer_id,
        product_id,
        {{ dbt.split_part('landed_file_name', "'-'", 1) }} as batch_id,
        landed_file_name,
        quantity_raw,
        amount_raw,
        transaction_date_raw,
        quantity,
        amount,
        ingest_date,
        transaction_at
    from typed

)

select * from final
