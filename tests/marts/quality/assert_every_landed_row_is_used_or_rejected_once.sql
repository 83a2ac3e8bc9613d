-- Row by row, for every feed: each row that arrived (read by staging from a landed file, or
-- refused by the ingest door and kept in the lake's refused_rows) is used or rejected, exactly
-- once, and nothing is used or rejected that did not arrive. Complements the per-file counts of
-- qa_ingest_reconciliation: a lost row and a double-counted one cannot cancel out here.
-- A daily run checks the rows of the files its build recounted (qa_ingest_reconciliation's
-- latest rows: every file with a new, re-decided or refused row, and the catalog and customer
-- files); every fate of a row carries that row's own file, so each of those rows is checked
-- whole. A full build recounts every file, and a full sweep (test_scope: all) checks every row.
{%- set reconciliation = ref('qa_ingest_reconciliation') %}
{%- set recounted_files -%}
    select landed_file_name from {{ reconciliation }}
    where refreshed_at = (select max(refreshed_at) from {{ reconciliation }})
{%- endset %}
with

row_fates as (

    -- ecom.landed_row_fates: the models a row lands in, is used in, or is rejected in
    {% for entity, row_key, model, fate, condition in ecom.landed_row_fates() %}
        select
            {{ row_key }} as row_id,
            '{{ entity }}' as entity,
            '{{ fate }}' as fate
        from {{ ref(model) }}
        where
            {{ condition or '1 = 1' }}
            and {{ ecom.in_changed_keys('landed_file_name', recounted_files) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

per_row as (

    select
        entity,
        row_id,
        sum(case when fate in ('landed', 'refused') then 1 else 0 end) as times_landed,
        sum(case when fate in ('used', 'rejected') then 1 else 0 end) as times_accounted
    from row_fates
    group by entity, row_id

)

select *
from per_row
where times_landed != 1 or times_accounted != 1
