{#
    Every file the lake's manifest lists as landed is read in full: staging read (plus the door
    refused) exactly the rows the door says it received from the file. Fails (error) on a
    landed file staging did not read at all, such as one landed under a name the staging glob
    misses or one deleted from the lake, and on one read only in part. Rows vanishing between
    the door and the warehouse is data loss, so the build fails; the failing files are also
    written to the dbt log by name ("landed file not read in full: ..."), as a test's rows
    are not shown.
#}
{{ config(severity='error') }}

{%- set mismatch = 'rows_received is not null and rows_landed != rows_received' -%}
{#- Only when the test is about to run (not on `dbt compile` or `docs generate`, which may have
    no warehouse to ask). -#}
{%- if execute and flags.WHICH in ('build', 'test', 'retry') -%}
    {%- set reconciliation = load_relation(ref('qa_ingest_reconciliation')) -%}
    {%- if reconciliation is not none -%}
        {%- set found = run_query(
            'select entity, landed_file_name, rows_received, rows_staged, rows_refused from '
            ~ reconciliation ~ ' where ' ~ mismatch ~ ' order by entity, landed_file_name'
        ) -%}
        {%- for row in found.rows -%}
            {%- do log(
                'landed file not read in full: ' ~ row[0] ~ ' ' ~ row[1] ~ ': the door received '
                ~ row[2] ~ ' rows, staging read ' ~ row[3] ~ ' and ' ~ row[4] ~ ' were refused',
                info=true
            ) -%}
        {%- endfor -%}
    {%- endif -%}
{%- endif %}

select
    entity,
    landed_file_name,
    batch_id,
    ingest_date,
    rows_received,
    rows_staged,
    rows_refused,
    rows_landed
from {{ ref('qa_ingest_reconciliation') }}
where {{ mismatch }}
