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
    reject_reasons):
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
with

validated_sales as (

    {% if is_incremental() %}
        {{ ecom.sales_changed_since(this) }}
    {% else %}
        select * from {{ ref('int_sales_validated') }}
    {% endif %}

),

refused_rows as (

    -- refused lines never change: an incremental build adds those not listed yet
    select * from {{ ref('stg_lake__refused_rows') }}
    where entity = 'sales'
    {% if is_incremental() %}
        and refused_row_id not in (select sales_row_id from {{ this }})
    {% endif %}

),

rejected_landed as (

    select
        sales_row_id,
        transaction_id,
        customer_id,
        product_id,
        batch_id,
        landed_file_name,
        reject_reason,
        cast(null as {{ dbt.type_string() }}) as reject_detail,
        quantity_raw,
        amount_raw,
        transaction_date_raw,
        cast(null as {{ dbt.type_string() }}) as raw_row,
        cast(null as integer) as line_number,
        ingest_date
    from validated_sales
    where reject_reason is not null

),

refused_at_the_door as (

    select
        refused_row_id as sales_row_id,
        cast(null as {{ dbt.type_string() }}) as transaction_id,
        cast(null as {{ dbt.type_string() }}) as customer_id,
        cast(null as {{ dbt.type_string() }}) as product_id,
        batch_id,
        landed_file_name,
        reject_reason,
        reject_detail,
        cast(null as {{ dbt.type_string() }}) as quantity_raw,
        cast(null as {{ dbt.type_string() }}) as amount_raw,
        cast(null as {{ dbt.type_string() }}) as transaction_date_raw,
        raw_row,
        line_number,
        ingest_date
    from refused_rows

),

unioned as (

    select * from rejected_landed
    union all
    select * from refused_at_the_door

),

final as (

    -- every column cast to its contract type: an incremental build compares the types of its
    -- new rows with the table's (on_schema_change), and PostgreSQL's union of text and
    -- varchar is text
    select
        {%- for column in [
            'sales_row_id', 'transaction_id', 'customer_id', 'product_id', 'batch_id',
            'landed_file_name', 'reject_reason', 'reject_detail', 'quantity_raw', 'amount_raw',
            'transaction_date_raw', 'raw_row',
        ] %}
            cast({{ column }} as {{ ecom.type_text() }}) as {{ column }},
        {%- endfor %}
        cast(line_number as integer) as line_number,
        cast(ingest_date as date) as ingest_date,
        {{ ecom.run_started_timestamp() }} as refreshed_at
    from unioned

)

select * from final
