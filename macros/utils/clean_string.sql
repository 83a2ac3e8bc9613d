{#
    A text value as staging keeps it: cast to the engine's string type, trimmed, and null when
    nothing is left. Every id and free-text column of the raw feeds goes through here.
#}
{% macro clean_string(expression) %}
    {{ dbt.safe_cast("nullif(trim(" ~ expression ~ "), '')", dbt.type_string()) }}
{% endmacro %}
