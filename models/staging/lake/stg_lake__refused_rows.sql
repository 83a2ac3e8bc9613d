{#
    One row per row the ingest door refused from a received file, 1:1 with the records under
    the lake's refused_rows/ (see the `lake` source). These rows never reached a landed data
    file, so staging of the feeds never sees them; the qa_rejected_<entity> models list them
    with the door's reason, and qa_ingest_reconciliation counts them with their file.
#}
{#- Each column and the raw field it is read from; together they identify a refused row. -#}
{%- set refused_fields = {
    'entity': 'source',
    'line_number_raw': 'line_number',
    'reject_reason': 'reason',
    'reject_detail': 'detail',
} -%}
with

refused as (

    {% if ecom.lake_has_files('refused_rows/*/*/*.ndjson') %}
        select
            {{ ecom.clean_string('landed_file_name') }} as landed_file_name,
            cast(ingest_date as date) as ingest_date,
            {%- for column, field in refused_fields.items() %}
                {{ ecom.clean_string(field) }} as {{ column }},
            {%- endfor %}
            -- the row as received, untrimmed: it is evidence, not a value (quoted: RAW is a
            -- reserved word on Redshift)
            cast({{ adapter.quote('raw') }} as {{ dbt.type_string() }}) as raw_row
        from {{ source('lake', 'refused_rows') }}
    {% else %}
        -- the door has never refused a row (the area does not exist yet): no rows
        select
            cast(null as {{ dbt.type_string() }}) as landed_file_name,
            cast(null as date) as ingest_date,
            {%- for column in refused_fields %}
                cast(null as {{ dbt.type_string() }}) as {{ column }},
            {%- endfor %}
            cast(null as {{ dbt.type_string() }}) as raw_row
        where 1 = 0
    {% endif %}

),

final as (

    select
        {{ ecom.landed_row_id((refused_fields.keys() | list) + ['raw_row']) }} as refused_row_id,
        entity,
        {{ dbt.split_part('landed_file_name', "'-'", 1) }} as batch_id,
        landed_file_name,
        reject_reason,
        reject_detail,
        raw_row,
        {{ ecom.cast_if_well_formed('line_number_raw', 'integer') }} as line_number,
        ingest_date
    from refused

)

select * from final
