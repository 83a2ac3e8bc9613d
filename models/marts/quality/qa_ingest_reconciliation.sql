-- depends_on: {{ ref('int_sales_validated') }}
{{
    config(
        materialized='incremental',
        unique_key='reconciliation_id',
        incremental_strategy='merge',
        on_schema_change='fail',
        post_hook="{{ ecom.delete_reconciliation_of_left_files(this) }}",
    )
}}
{#
    For every landed file of every feed (so for every ingest batch), the rows of the file
    accounted for twice over:
      * rows landed (read by staging from the file, plus the rows the ingest door refused from
        it, which are in the lake's refused_rows and never reached the file) = rows used + rows
        rejected. Used rows are counted where they are used (fct_sales for sales; the usable
        rows of int_products_validated and int_customers_validated, from which the dimensions
        are built), rejected rows in the qa_rejected_<entity> models (refused rows included).
      * rows landed = rows received, what the lake's manifest says the door read from the file
        (rows in the landed data file + rows refused), for every file the manifest lists as
        landed. A file staging did not read at all (missing, or under a name staging's glob
        misses) is a row here with rows_landed below rows_received.
    Each side is counted on its own, so a row lost, counted twice, left in the incremental
    fct_sales after its file left the lake, or a file never read, shows up as
    is_balanced = false, and the tests on this model fail the build.
    Incremental, merged on reconciliation_id: a build recounts, from every model a row can be
    in, the whole of each sales file with a line int_sales_validated re-decided since this
    model's last refreshed_at (a correction moves a row from its old file to its new one: both
    files have re-decided lines), with refused lines not counted yet, or whose manifest entry is
    new or changed; and every catalog and customer file, which are few and small (a full
    export or pull a day). A file is always counted whole, so a row lost or counted twice in
    it still unbalances it. A file that left the lake is deleted after the merge
    (ecom.delete_reconciliation_of_left_files).
#}
with

{% if is_incremental() %}

    recounted_files as (

        -- sales files a row of which may have changed fate since the last refresh
        select distinct landed_file_name
        from ({{ ecom.sales_changed_since(this) }}) as redecided
        union
        select landed_file_name
        from {{ ref('stg_lake__refused_rows') }}
        where
            entity = 'sales'
            and {{ dbt.concat(["'sales|'", 'landed_file_name']) }} not in (
                select reconciliation_id from {{ this }}
            )
        union
        select manifest.landed_file_name
        from {{ ref('stg_lake__landed_files') }} as manifest
        left join {{ this }} as reconciled
            on reconciled.reconciliation_id
            = {{ dbt.concat(["'sales|'", 'manifest.landed_file_name']) }}
        where
            manifest.entity = 'sales'
            and manifest.file_status = 'landed'
            and (
                reconciled.rows_received is null
                or reconciled.rows_received <> manifest.rows_received
            )

    ),

{% endif %}

row_tallies as (

    -- one row per row of every model a row can be in (ecom.landed_row_fates)
    {% for entity, row_key, model, fate, condition in ecom.landed_row_fates() %}
        select
            '{{ entity }}' as entity,
            batch_id,
            landed_file_name,
            ingest_date,
            {{ 1 if fate == 'landed' else 0 }} as is_staged,
            {{ 1 if fate == 'refused' else 0 }} as is_refused,
            {{ 1 if fate == 'used' else 0 }} as is_used,
            {{ 1 if fate == 'rejected' else 0 }} as is_rejected,
            0 as is_in_manifest,
            0 as rows_received
        from {{ ref(model) }}
        where {{ condition or '1 = 1' }}
        {% if is_incremental() and entity == 'sales' %}
            and landed_file_name in (select landed_file_name from recounted_files)
        {% endif %}
        union all
    {% endfor %}

    -- one row per landed file in the lake's manifest, with the rows the door read from it
    select
        entity,
        batch_id,
        landed_file_name,
        ingest_date,
        0 as is_staged,
        0 as is_refused,
        0 as is_used,
        0 as is_rejected,
        1 as is_in_manifest,
        rows_received
    from {{ ref('stg_lake__landed_files') }}
    where file_status = 'landed'
    {% if is_incremental() %}
        and (
            entity <> 'sales'
            or landed_file_name in (select landed_file_name from recounted_files)
        )
    {% endif %}

),

per_file as (

    select
        entity,
        batch_id,
        landed_file_name,
        max(ingest_date) as ingest_date,
        case when sum(is_in_manifest) > 0 then sum(rows_received) end as rows_received,
        sum(is_staged) as rows_staged,
        sum(is_refused) as rows_refused,
        sum(is_used) as rows_used,
        sum(is_rejected) as rows_rejected
    from row_tallies
    group by entity, batch_id, landed_file_name

),

checked as (

    select
        *,
        rows_staged + rows_refused as rows_landed
    from per_file

),

final as (

    -- the first nine columns as they have always been (readers select them by position too);
    -- the comparison with the manifest after them. Strings cast to the contract's type: an
    -- incremental build compares its new rows' types with the table's (on_schema_change).
    select
        cast({{ dbt.concat(['entity', "'|'", 'landed_file_name']) }} as {{ ecom.type_text() }})
            as reconciliation_id,
        cast(entity as {{ ecom.type_text() }}) as entity,
        cast(batch_id as {{ ecom.type_text() }}) as batch_id,
        cast(landed_file_name as {{ ecom.type_text() }}) as landed_file_name,
        cast(rows_landed as integer) as rows_landed,
        cast(rows_used as integer) as rows_used,
        cast(rows_rejected as integer) as rows_rejected,
        (
            rows_landed = rows_used + rows_rejected
            and coalesce(rows_landed = rows_received, true)
        ) as is_balanced,
        ingest_date,
        cast(rows_received as integer) as rows_received,
        cast(rows_staged as integer) as rows_staged,
        cast(rows_refused as integer) as rows_refused,
        rows_landed = rows_received as is_read_in_full,
        {{ ecom.run_started_timestamp() }} as refreshed_at
    from checked

)

select * from final
