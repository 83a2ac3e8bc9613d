{#
    One row per run record in the lake's run log, every field cast. A record is rewritten
    under the same key as the run goes on, so there is exactly one row per run_id.
#}
with

source as (

    {% if ecom.lake_has_files('_ops/runs/*/*.json') %}
        select * from {{ source('ops', 'pipeline_runs') }}
    {% else %}
        -- no run recorded yet (dbt run by hand on a fresh lake): an empty run log
        select
            cast(null as {{ dbt.type_string() }}) as run_id,
            cast(null as {{ dbt.type_string() }}) as command,
            cast(null as {{ dbt.type_string() }}) as status,
            cast(null as {{ dbt.type_string() }}) as exit_code,
            cast(null as {{ dbt.type_string() }}) as started_at,
            cast(null as {{ dbt.type_string() }}) as finished_at,
            cast(null as {{ dbt.type_string() }}) as duration_seconds,
            cast(null as {{ dbt.type_string() }}) as ingest_seconds,
            cast(null as {{ dbt.type_string() }}) as dbt_build_seconds,
            cast(null as {{ dbt.type_string() }}) as report_seconds,
            cast(null as {{ dbt.type_string() }}) as files_received,
            cast(null as {{ dbt.type_string() }}) as files_landed,
            cast(null as {{ dbt.type_string() }}) as files_quarantined,
            cast(null as {{ dbt.type_string() }}) as rows_landed,
            cast(null as {{ dbt.type_string() }}) as rows_rejected,
            cast(null as {{ dbt.type_string() }}) as models_built,
            cast(null as {{ dbt.type_string() }}) as models_failed,
            cast(null as {{ dbt.type_string() }}) as tests_passed,
            cast(null as {{ dbt.type_string() }}) as tests_warned,
            cast(null as {{ dbt.type_string() }}) as tests_failed,
            cast(null as {{ dbt.type_string() }}) as reports_written,
            cast(null as {{ dbt.type_string() }}) as error_message,
            cast(null as date) as run_date
        where 1 = 0
    {% endif %}

),

final as (

    select
        cast(run_id as {{ dbt.type_string() }}) as run_id,
        cast(command as {{ dbt.type_string() }}) as command,
        cast(status as {{ dbt.type_string() }}) as run_status,
        cast(error_message as {{ dbt.type_string() }}) as error_message,
        {{ dbt.safe_cast('exit_code', 'integer') }} as exit_code,
        {{ dbt.safe_cast('duration_seconds', 'decimal(18,3)') }} as duration_seconds,
        {{ dbt.safe_cast('ingest_seconds', 'decimal(18,3)') }} as ingest_seconds,
        {{ dbt.safe_cast('dbt_build_seconds', 'decimal(18,3)') }} as dbt_build_seconds,
        {{ dbt.safe_cast('report_seconds', 'decimal(18,3)') }} as report_seconds,
        {{ dbt.safe_cast('files_received', 'integer') }} as files_received,
        {{ dbt.safe_cast('files_landed', 'integer') }} as files_landed,
        {{ dbt.safe_cast('files_quarantined', 'integer') }} as files_quarantined,
        {{ dbt.safe_cast('rows_landed', 'integer') }} as rows_landed,
        {{ dbt.safe_cast('rows_rejected', 'integer') }} as rows_rejected,
        {{ dbt.safe_cast('models_built', 'integer') }} as models_built,
        {{ dbt.safe_cast('models_failed', 'integer') }} as models_failed,
        {{ dbt.safe_cast('tests_passed', 'integer') }} as tests_passed,
        {{ dbt.safe_cast('tests_warned', 'integer') }} as tests_warned,
        {{ dbt.safe_cast('tests_failed', 'integer') }} as tests_failed,
        {{ dbt.safe_cast('reports_written', 'integer') }} as reports_written,
        cast(run_date as date) as run_date,
        {{ dbt.safe_cast('started_at', dbt.type_timestamp()) }} as started_at,
        {{ dbt.safe_cast('finished_at', dbt.type_timestamp()) }} as finished_at
    from source

)

select * from final
