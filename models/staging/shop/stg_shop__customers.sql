with

source as (

    -- the landed file is read here: Athena's "$path" exists only where the table is scanned
    select
        *,
        {{ ecom.landed_file_name() }} as landed_file_name
    from {{ source('shop', 'customers') }}

),

landed as (

    select
        landed_file_name,
        cast(ingest_date as date) as ingest_date,
        {{ ecom.clean_string('customer_id') }} as customer_id,
        {{ ecom.clean_string('name') }} as customer_name,
        lower({{ ecom.clean_string('email') }}) as email,
        {{ ecom.clean_string('city') }} as city_raw,
        {{ ecom.clean_string('signup_date') }} as signup_date_raw,
        {{ ecom.clean_string('updated_at') }} as updated_at_raw
    from source

),

typed as (

    select
        *,
        -- "NEW YORK", "new york" and "New york" are one city
        {{ ecom.initcap('city_raw') }} as city,
        case
            when {{ ecom.regexp_full_match('signup_date_raw', '[0-9]{4}-[0-9]{2}-[0-9]{2}') }}
                then {{ dbt.safe_cast('signup_date_raw', 'date') }}
        end as signup_date,
        {{ ecom.iso8601_to_utc('updated_at_raw') }} as updated_at,
        row_number() over (
            partition by
                landed_file_name, customer_id, customer_name, email, city_raw,
                signup_date_raw, updated_at_raw
            order by landed_file_name
        ) as occurrence_in_file
    from landed

),

final as (

    select
        {{ dbt.hash(dbt.concat([
            "coalesce(landed_file_name, '')", "'|'",
            "coalesce(customer_id, '')", "'|'",
            "coalesce(customer_name, '')", "'|'",
            "coalesce(email, '')", "'|'",
            "coalesce(city_raw, '')", "'|'",
            "coalesce(signup_date_raw, '')", "'|'",
            "coalesce(updated_at_raw, '')", "'|'",
            dbt.cast("occurrence_in_file", dbt.type_string()),
        ])) }} as customer_row_id,
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
