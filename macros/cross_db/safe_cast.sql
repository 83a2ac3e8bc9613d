{#
    dbt.safe_cast returns null for a value that does not convert, instead of failing the query.
    dbt-duckdb ships no safe_cast, so dbt's default (a plain cast) would abort the model on the
    first bad row; DuckDB has try_cast. (Resolved first because dbt_project.yml lists `ecom`
    before `dbt` in the dispatch search order.)
#}
{% macro duckdb__safe_cast(field, type) %}
    try_cast({{ field }} as {{ type }})
{% endmacro %}

{# Redshift has TRY_CAST (it refuses empty strings, which staging turns into nulls first). #}
{% macro redshift__safe_cast(field, type) %}
    try_cast({{ field }} as {{ type }})
{% endmacro %}

{#
    PostgreSQL has no try_cast: ecom_try_cast() (created by the on-run-start hook, see
    macros/hooks/create_udfs.sql) attempts the cast in PL/pgSQL and returns null on failure.
    The outer cast keeps the type modifiers (e.g. decimal(18, 2)) that a polymorphic function
    cannot carry.
#}
{% macro postgres__safe_cast(field, type) %}
    cast({{ target.schema }}.ecom_try_cast(cast({{ field }} as text), cast(null as {{ type }})) as {{ type }})
{% endmacro %}
