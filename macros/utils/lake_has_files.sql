{#
    Whether any lake file matches a glob under the lake root (DuckDB target). DuckDB's
    read_json fails on a glob that matches nothing, so a model over an optional part of the lake
    (the run log before the first `ecom run`) asks first. On the warehouse targets the raw data
    is a table that simply has no rows yet: true.
#}
{% macro lake_has_files(relative_glob) %}
    {{ return(adapter.dispatch('lake_has_files', 'ecom')(relative_glob)) }}
{% endmacro %}

{% macro default__lake_has_files(relative_glob) %}
    {{ return(true) }}
{% endmacro %}

{% macro duckdb__lake_has_files(relative_glob) %}
    {% if not execute %}
        {{ return(true) }}
    {% endif %}
    {% set pattern = env_var('ECOM_LAKE_URI', 'data/lake') ~ '/' ~ relative_glob %}
    {% set found = run_query("select count(*) from glob('" ~ pattern ~ "')") %}
    {{ return(found.columns[0].values()[0] > 0) }}
{% endmacro %}
