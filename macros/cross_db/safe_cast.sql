{#
    dbt.safe_cast returns null for a value that does not convert, instead of failing the query.
    dbt-duckdb ships no safe_cast, so dbt's default (a plain cast) would abort the model on the
    first bad row; DuckDB has try_cast. (Resolved first because dbt_project.yml lists `ecom`
    before `dbt` in the dispatch search order.)
#}
{% macro duckdb__safe_cast(field, type) %}
    try_cast({{ field }} as {{ type }})
{% endmacro %}
