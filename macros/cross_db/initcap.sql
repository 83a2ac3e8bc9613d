{#
    Title-case a string ("new YORK" -> "New York"). PostgreSQL and Redshift have initcap();
    DuckDB and Trino (Athena) do not, so they split on spaces and rebuild the words.
#}
{% macro initcap(expression) %}
    {{ return(adapter.dispatch('initcap', 'ecom')(expression)) }}
{% endmacro %}

{% macro default__initcap(expression) %}
    initcap({{ expression }})
{% endmacro %}

{% macro duckdb__initcap(expression) %}
    array_to_string(
        list_transform(
            string_split(lower({{ expression }}), ' '),
            w -> upper(left(w, 1)) || substr(w, 2)
        ),
        ' '
    )
{% endmacro %}

{% macro athena__initcap(expression) %}
    array_join(
        transform(
            split(lower({{ expression }}), ' '),
            w -> upper(substr(w, 1, 1)) || substr(w, 2)
        ),
        ' '
    )
{% endmacro %}
