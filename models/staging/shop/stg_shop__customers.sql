{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
    )
}}
{#
    Append-only, like stg_shop__sales: a landed pull never changes, so each is parsed once,
    when it is first staged, and a daily run reads only the new pull. As a view, every reader
    (the validation, the reconciliation, the tests) parsed every pull's JSON again, six times a
    build.
#}
{#- Each column and the raw field it is read from; together they identify a landed record. -#}
{%- set landed_fields = {
    'customer_id': ecom.strip_zero_width('customer_id'),
    'customer_name': 'name',
    'email': 'lower(email)',
    'city_raw': 'city',
    'signup_date_raw': 'signup_date',
    'updated_at_raw': 'updated_at',
} -%}
with

landed as (

    select landed_records.*
    from (
        {{ ecom.select_landed_fields(
            ecom.unstaged_lake_files(
                source('shop', 'customers'), 'landing/customers/*/*.ndjson', this
            ),
            landed_fields,
            'landing/customers/*/*.ndjson',
        ) }}
    ) as landed_records
    {% if is_incremental() %}
        where landed_file_name not in (select distinct landed_file_name from {{ this }})
    {% endif %}

),

typed as (

    select
        *,
        -- "NEW YORK", "new york" and "New york" are one city
        {{ ecom.initcap('city_raw') }} as city,
        {{ ecom.cast_if_well_formed('signup_date_raw', 'date') }} as signup_date,
        {{ ecom.iso8601_to_utc('updated_at_raw') }} as updated_at
    from landed

),

final as (

    select
        {{ ecom.landed_row_id(landed_fields.keys() | list) }} as customer_row_id,
        customer_id,
        {{ dbt.split_part('landed_file_name', "'-'", 1) }} as batch_id,
        landed_file_name,
        customer_name,
        email,
        city,
        signup_date_raw,
        updated_at_raw,
        signup_date,
        ingest_date,
        updated_at,
        {{ ecom.run_started_timestamp() }} as refreshed_at
    from typed

)

select * from final
