{#
    The one money type of the project: decimal(18, 2), exact on every engine (no float on the
    way). Marts declare the same type in their contracts.
#}
{% macro type_money() %}
    {{- return('decimal(18, 2)') -}}
{% endmacro %}
