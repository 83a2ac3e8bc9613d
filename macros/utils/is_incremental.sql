{#
    dbt's is_incremental(), with one addition: `--vars '{compile_as_incremental: true}'` (or
    false) answers without asking the warehouse whether the table exists. That lets
    `dbt compile --target athena|redshift` render the incremental SQL offline, with no AWS
    account (tests/python/test_portability_compile.py); in a normal run the var is unset and
    dbt's own logic decides.
#}
{% macro is_incremental() %}
    {% set forced = var('compile_as_incremental', none) %}
    {% if forced is not none %}
        {{ return(forced) }}
    {% endif %}
    {{ return(dbt.is_incremental()) }}
{% endmacro %}
