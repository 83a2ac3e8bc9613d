{#
    True when the whole string matches a POSIX-style regular expression (anchors implied).
    Each engine spells it differently: DuckDB regexp_full_match, Trino regexp_like,
    PostgreSQL and Redshift the ~ operator. Null in, null out.
#}
{% macro regexp_full_match(expression, pattern) %}
    {{ return(adapter.dispatch('regexp_full_match', 'ecom')(expression, pattern)) }}
{% endmacro %}

{% macro default__regexp_full_match(expression, pattern) %}
    ({{ expression }} ~ '^(?:{{ pattern }})$')
{% endmacro %}

{% macro duckdb__regexp_full_match(expression, pattern) %}
    regexp_full_match({{ expression }}, '{{ pattern }}')
{% endmacro %}

{% macro athena__regexp_full_match(expression, pattern) %}
    regexp_like({{ expression }}, '^(?:{{ pattern }})$')
{% endmacro %}
