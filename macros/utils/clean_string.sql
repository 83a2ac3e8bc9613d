{#
    A text value as staging keeps it: cast to the engine's string type, trimmed, and null when
    nothing is left. Every id and free-text column of the raw feeds goes through here.
#}
{% macro clean_string(expression) %}
    {{ dbt.safe_cast("nullif(trim(" ~ expression ~ "), '')", dbt.type_string()) }}
{% endmacro %}

{#
    An identifier without the invisible characters that copy-paste and spreadsheets leave in
    it (zero-width space, non-joiner and joiner, word joiner, a stray byte-order mark): with
    one, '17850' and '17850<U+200B>' would be two customers. clean_string then trims it.
#}
{% macro strip_zero_width(expression) %}
    {%- set stripped = expression -%}
    {%- for code_point in [8203, 8204, 8205, 8288, 65279] -%}
        {%- set stripped = "replace(" ~ stripped ~ ", chr(" ~ code_point ~ "), '')" -%}
    {%- endfor -%}
    {{- stripped -}}
{% endmacro %}
