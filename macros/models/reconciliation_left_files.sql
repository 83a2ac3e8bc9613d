{#
    qa_ingest_reconciliation's post_hook on an incremental build: delete the rows of files that
    are no longer anywhere a row can be counted. The merge rewrites every file it recounts, but
    a file that left the lake (its manifest entry and its data gone, e.g. an unreadable file
    removed by hand; docs/models.md "Cleaning rules") produces no row to merge, and its old,
    unbalanced row would stay and fail the build forever. Catalog and customer files are
    recounted on every build, so one not rewritten by this build has left; a sales file has
    left when neither the manifest, staging nor the refused rows know it.
#}
{% macro delete_reconciliation_of_left_files(relation) %}
    {%- if relation is not none and relation is not string and ecom.is_incremental() -%}
        delete from {{ relation }}
        where
            refreshed_at < {{ ecom.run_started_timestamp() }}
            and (
                entity <> 'sales'
                or (
                    landed_file_name not in (
                        select manifest.landed_file_name
                        from {{ ref('stg_lake__landed_files') }} as manifest
                        where
                            manifest.entity = 'sales'
                            and manifest.file_status = 'landed'
                            and manifest.landed_file_name is not null
                    )
                    and landed_file_name not in (
                        select refused.landed_file_name
                        from {{ ref('stg_lake__refused_rows') }} as refused
                        where refused.entity = 'sales' and refused.landed_file_name is not null
                    )
                    and landed_file_name not in (
                        select distinct staged.landed_file_name
                        from {{ ref('stg_shop__sales') }} as staged
                        where staged.landed_file_name is not null
                    )
                )
            )
    {%- endif -%}
{% endmacro %}
