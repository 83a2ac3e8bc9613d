{#
    One row per run of the daily pipeline, for the dashboard's pipeline health page. A run
    writes its record before dbt build and again at the end, so the build that creates this
    table sees itself as 'running' (with its ingest counts) and every earlier run in its final
    state; its own final status appears at the next build. A run still 'running' while a later
    run has started was killed on the way: it shows as 'interrupted'.
#}
with

runs as (

    select * from {{ ref('stg_ops__pipeline_runs') }}

),

with_latest as (

    select
        *,
        max(started_at) over () as latest_started_at,
        max(started_at) over (partition by run_date) as latest_started_at_of_day
    from runs

),

final as (

    select
        run_id,
        command,
        cast(
            case
                when run_status = 'running' and started_at < latest_started_at
                    then 'interrupted'
                else run_status
            end as {{ dbt.type_string() }}
        ) as run_status,
        error_message,
        exit_code,
        cast(duration_seconds as decimal(18, 3)) as duration_seconds,
        cast(ingest_seconds as decimal(18, 3)) as ingest_seconds,
        cast(dbt_build_seconds as decimal(18, 3)) as dbt_build_seconds,
        cast(report_seconds as decimal(18, 3)) as report_seconds,
        files_received,
        files_landed,
        files_quarantined,
        rows_landed,
        rows_rejected,
        models_built,
        models_failed,
        tests_passed,
        tests_warned,
        tests_failed,
        reports_written,
        run_status in (
            'succeeded', 'data_quarantined', 'data_rejected', 'data_stale'
        ) as is_successful,
        started_at = latest_started_at_of_day as is_latest_run_of_day,
        run_date,
        started_at,
        finished_at
    from with_latest

)

select * from final
