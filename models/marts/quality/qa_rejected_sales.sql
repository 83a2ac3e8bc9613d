-- depends_on: {{ ref('int_sales_validated') }}
{{
    config(
        materialized='incremental',
        unique_key='sales_row_id',
        incremental_strategy='merge',
        on_schema_change='fail',
        pre_hook=[
            "{% if is_incremental() %}"
            ~ "delete from {{ this }} where sales_row_id in ("
            ~ "select sales_row_id from ({{ ecom.sales_changed_since(this) }}) as redecided"
            ~ " where reject_reason is null)"
            ~ "{% endif %}"
        ],
    )
}}
{#
    Every sales line that arrived and is not in fct_sales, with the reason (codes in seed
    reject_reasons; macros/models/rejected_rows.sql):
      * lines the ingest door refused (stg_lake__refused_rows): they never landed, so they have
        no parsed fields, only the door's reason and detail, the line number and the raw line;
      * landed lines int_sales_validated rejects, with its reason. Every other landed line is
        in fct_sales (which merges every re-decided transaction, at any date), so fct_sales and
        this model together account for every line that arrived exactly once; a kept line
        missing from fct_sales, or a rejected one still in it, is a lost or double-counted row
        in qa_ingest_reconciliation, never hidden here.
    Incremental, merged on sales_row_id: a build takes the lines int_sales_validated re-decided
    since this model's last refreshed_at (every line of each touched transaction) and the door's
    refused lines not listed yet. A re-decided line that is now used leaves the table: the
    pre_hook deletes it before the merge, while the watermark still marks the previous build (a
    plain DELETE, which DuckDB, PostgreSQL, Redshift and Athena's Iceberg tables all run). No
    rule today turns a rejected line into a used one (a new line can only supersede or
    duplicate an older one), so the delete usually finds nothing; it keeps this table equal to
    a full build should a rule ever do so.
#}
{%- set validated = ref('int_sales_validated') -%}
{%- set refused = ref('stg_lake__refused_rows') -%}
{%- if is_incremental() -%}
    {#- the lines re-decided since the last build; the refused lines not listed yet (a refused
        line never changes) -#}
    {%- set validated = '(' ~ ecom.sales_changed_since(this) ~ ') as redecided' -%}
    {%- set refused = '(select * from ' ~ refused ~ ' where refused_row_id not in'
        ~ ' (select sales_row_id from ' ~ this ~ ')) as not_listed' -%}
{%- endif -%}
{{ ecom.rejected_rows(
    entity='sales',
    validated=validated,
    refused=refused,
    row_id='sales_row_id',
    ids=['transaction_id', 'customer_id', 'product_id'],
    fields=['quantity_raw', 'amount_raw', 'transaction_date_raw'],
    contract_types=true,
) }}
