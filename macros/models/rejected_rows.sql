{#
    The body of a qa_rejected_<entity> model: every row of the feed that arrived and cannot be
    used, with the reason, in one column layout for every feed:
      * landed rows the entity's validated model rejects (`validated`: its reject_reason), with
        their ids and raw fields;
      * rows the ingest door refused (`refused`, stg_lake__refused_rows or a part of it, of this
        entity): they never landed, so they have no parsed fields, only the door's reason and
        detail, the line number and the raw row.
    Columns: row_id, ids, batch_id, landed_file_name, reject_reason, reject_detail, fields,
    raw_row, line_number, ingest_date, refreshed_at. `validated` and `refused` are what follows
    `from`: a ref(), or a parenthesised query with an alias. contract_types: every column cast to
    its contract type (an incremental model compares the types of its new rows with the
    table's, on_schema_change, and PostgreSQL's union of text and varchar is text); otherwise
    the types are the union's. Documented in _models__macros.yml.
#}
{% macro rejected_rows(
    entity, validated, refused, row_id, ids, fields, contract_types=false
) -%}
{%- set text_columns = [row_id] + ids
    + ['batch_id', 'landed_file_name', 'reject_reason', 'reject_detail']
    + fields + ['raw_row'] -%}
with

rejected_landed as (

    select
        {{ row_id }},
        {%- for column in ids %}
        {{ column }},
        {%- endfor %}
        batch_id,
        landed_file_name,
        reject_reason,
        cast(null as {{ dbt.type_string() }}) as reject_detail,
        {%- for column in fields %}
        {{ column }},
        {%- endfor %}
        cast(null as {{ dbt.type_string() }}) as raw_row,
        cast(null as integer) as line_number,
        ingest_date
    from {{ validated }}
    where reject_reason is not null

),

refused_at_the_door as (

    select
        refused_row_id as {{ row_id }},
        {%- for column in ids %}
        cast(null as {{ dbt.type_string() }}) as {{ column }},
        {%- endfor %}
        batch_id,
        landed_file_name,
        reject_reason,
        reject_detail,
        {%- for column in fields %}
        cast(null as {{ dbt.type_string() }}) as {{ column }},
        {%- endfor %}
        raw_row,
        line_number,
        ingest_date
    from {{ refused }}
    where entity = '{{ entity }}'

),

unioned as (

    select * from rejected_landed
    union all
    select * from refused_at_the_door

),

final as (

    select
        {%- if contract_types %}
            {%- for column in text_columns %}
        cast({{ column }} as {{ ecom.type_text() }}) as {{ column }},
            {%- endfor %}
        cast(line_number as integer) as line_number,
        cast(ingest_date as date) as ingest_date,
        {%- else %}
        *,
        {%- endif %}
        {{ ecom.run_started_timestamp() }} as refreshed_at
    from unioned

)

select * from final
{%- endmacro %}
