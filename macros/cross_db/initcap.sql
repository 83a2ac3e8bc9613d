{#
    Title-case a string ("new YORK" -> "New York", "winston-salem" -> "Winston-Salem"): the first
    letter of every word upper case, the rest lower case, a word being a run of letters and
    digits, as PostgreSQL's and Redshift's initcap() do it. DuckDB and Trino (Athena) have no
    initcap, so they cut the text into runs of word and non-word characters, capitalise each
    run (a no-op on punctuation and spaces) and join them again.
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
            regexp_extract_all(lower({{ expression }}), '[\p{L}\p{N}]+|[^\p{L}\p{N}]+'),
            w -> upper(left(w, 1)) || substr(w, 2)
        ),
        ''
    )
{% endmacro %}

{% macro athena__initcap(expression) %}
    array_join(
        transform(
            regexp_extract_all(lower({{ expression }}), '[\p{L}\p{N}]+|[^\p{L}\p{N}]+'),
            w -> upper(substr(w, 1, 1)) || substr(w, 2)
        ),
        ''
    )
{% endmacro %}
