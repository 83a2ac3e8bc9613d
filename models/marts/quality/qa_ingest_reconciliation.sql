{#
    For every landed file of every feed (so for every ingest batch): rows landed = rows used +
    rows rejected. Landed rows are counted in staging (1:1 with the raw files), used rows where
    they are used (fct_sales for sales; the usable rows of int_products_validated and
    int_customers_validated, from which the dimensions are built), rejected rows in the
    qa_rejected_<entity> models. Each side is counted on its own, so a row lost, counted twice,
    or kept in fct_sales after its file left the lake shows up as is_balanced = false, and the
    test on this model fails the build.
#}
with

row_tallies as (

    -- one row per row of every model a landed row can be in (ecom.landed_row_fates)
    {% for entity, row_key, model, fate, condition in ecom.landed_row_fates() %}
        select
            '{{ entity }}' as entity,
            batch_id,
            landed_file_name,
            ingest_date,
            {{ 1 if fate == 'landed' else 0 }} as is_landed,
            {{ 1 if fate == 'used' else 0 }} as is_used,
            {{ 1 if fate == 'rejected' else 0 }} as is_rejected
        from {{ ref(model) }}
        {% if condition %}where {{ condition }}{% endif %}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

per_file as (

    select
        entity,
        batch_id,
        landed_file_name,
        max(ingest_date) as ingest_date,
        sum(is_landed) as rows_landed,
        sum(is_used) as rows_used,
        sum(is_rejected) as rows_rejected
    from row_tallies
    group by entity, batch_id, landed_file_name

),

final as (

    select
        cast({{ dbt.concat(['entity', "'|'", 'landed_file_name']) }} as {{ dbt.type_string() }})
            as reconciliation_id,
        cast(entity as {{ dbt.type_string() }}) as entity,
        cast(batch_id as {{ dbt.type_string() }}) as batch_id,
        cast(landed_file_name as {{ dbt.type_string() }}) as landed_file_name,
        cast(rows_landed as integer) as rows_landed,
        cast(rows_used as integer) as rows_used,
        cast(rows_rejected as integer) as rows_rejected,
        rows_landed = rows_used + rows_rejected as is_balanced,
        ingest_date
    from per_file

)

select * from final
