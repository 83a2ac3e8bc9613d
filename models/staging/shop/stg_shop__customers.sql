{#- Each column and the raw field it is read from; together they identify a landed record. -#}
{%- set landed_fields = {
    'customer_id': 'customer_id',
    'customer_name': 'name',
    'email': 'lower(email)',
    'city_raw': 'city',
    'signup_date_raw': 'signup_date',
    'updated_at_raw': 'updated_at',
} -%}
with

landed as (

    {{ ecom.select_landed_fields(
        source('shop', 'customers'), landed_fields, 'landing/customers/*/*.ndjson'
    ) }}

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
        updated_at
    from typed

)

select * from final
