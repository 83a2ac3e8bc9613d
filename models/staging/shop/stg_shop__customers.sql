with

source as (

    -- the landed file is read here: Athena's "$path" exists only where the table is scanned
    select
        *,
        {{ ecom.landed_file_name() }} as landed_file_name
    from {{ source('shop', 'customers') }}

),

final as (

    select
        nullif(trim(customer_id), '') as customer_id,
        {{ dbt.split_part('landed_file_name', "'-'", 1) }} as batch_id,
        landed_file_name,
        nullif(trim(name), '') as customer_name,
        nullif(lower(trim(email)), '') as email,
        nullif({{ ecom.initcap('trim(city)') }}, '') as city,
        {{ dbt.safe_cast('trim(signup_date)', 'date') }} as signup_date,
        cast(ingest_date as date) as ingest_date,
        {{ dbt.safe_cast(
            "replace(replace(trim(updated_at), 'T', ' '), 'Z', '')", dbt.type_timestamp()
        ) }} as updated_at
    from source

)

select * from final
