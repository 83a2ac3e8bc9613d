{#
    Integer division of non-negative integers, the same on every engine. `/` on two integers truncates on Trino,
    Redshift and PostgreSQL but returns a double on DuckDB, whose integer division is `//`.
#}
{% macro integer_divide(numerator, denominator) %}
    {{ return(adapter.dispatch('integer_divide', 'ecom')(numerator, denominator)) }}
{% endmacro %}

{% macro default__integer_divide(numerator, denominator) %}
    (({{ numerator }}) / ({{ denominator }}))
{% endmacro %}

{% macro duckdb__integer_divide(numerator, denominator) %}
    (({{ numerator }}) // ({{ denominator }}))
{% endmacro %}
