{#
    One row per manifest entry (one per distinct file content the lake received), every field
    cast. `rows_received` is what the door read from the file: the rows it landed plus the rows
    it refused (an entry written before the door refused rows has no rows_refused: 0).
#}
with

manifest as (

    {% if ecom.lake_has_files('_manifest/*/*.json') %}
        select
            {{ ecom.clean_string('source') }} as entity,
            {{ ecom.clean_string('sha256') }} as sha256,
            {{ ecom.clean_string('batch_id') }} as batch_id,
            {{ ecom.clean_string('landing_key') }} as landing_key,
            {{ ecom.clean_string('original_name') }} as original_name,
            {{ ecom.clean_string('status') }} as file_status,
            {{ ecom.clean_string('bytes') }} as bytes_raw,
            {{ ecom.clean_string(adapter.quote('rows')) }} as rows_raw,
            {{ ecom.clean_string('rows_refused') }} as rows_refused_raw,
            {{ ecom.clean_string('received_at') }} as received_at_raw,
            {{ ecom.clean_string('landed_at') }} as landed_at_raw
        from {{ source('lake', 'landed_files') }}
    {% else %}
        -- nothing was ever given to the lake: no entries
        select
            cast(null as {{ dbt.type_string() }}) as entity,
            cast(null as {{ dbt.type_string() }}) as sha256,
            cast(null as {{ dbt.type_string() }}) as batch_id,
            cast(null as {{ dbt.type_string() }}) as landing_key,
            cast(null as {{ dbt.type_string() }}) as original_name,
            cast(null as {{ dbt.type_string() }}) as file_status,
            cast(null as {{ dbt.type_string() }}) as bytes_raw,
            cast(null as {{ dbt.type_string() }}) as rows_raw,
            cast(null as {{ dbt.type_string() }}) as rows_refused_raw,
            cast(null as {{ dbt.type_string() }}) as received_at_raw,
            cast(null as {{ dbt.type_string() }}) as landed_at_raw
        where 1 = 0
    {% endif %}

),

typed as (

    select
        *,
        -- landing/<source>/ingest_date=YYYY-MM-DD/<batch>-<name>: the name and the day
        {{ dbt.split_part('landing_key', "'/'", 4) }} as landed_file_name,
        {{ dbt.split_part(dbt.split_part('landing_key', "'/'", 3), "'='", 2) }} as ingest_date_raw,
        {{ ecom.cast_if_well_formed('rows_raw', 'integer') }} as rows_in_file,
        case
            when rows_refused_raw is null then 0
            else {{ ecom.cast_if_well_formed('rows_refused_raw', 'integer') }}
        end as rows_refused
    from manifest

),

final as (

    select
        {{ dbt.concat(['entity', "'|'", 'sha256']) }} as manifest_entry_id,
        entity,
        sha256,
        batch_id,
        landed_file_name,
        landing_key,
        original_name,
        file_status,
        {{ dbt.safe_cast('bytes_raw', 'bigint') }} as file_bytes,
        rows_in_file,
        rows_refused,
        rows_in_file + rows_refused as rows_received,
        {{ ecom.cast_if_well_formed('ingest_date_raw', 'date') }} as ingest_date,
        {{ ecom.iso8601_to_utc('received_at_raw') }} as received_at,
        {{ ecom.iso8601_to_utc('landed_at_raw') }} as landed_at
    from typed

)

select * from final
