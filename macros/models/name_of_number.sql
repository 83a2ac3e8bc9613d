{#
    The name for a number 1..n from a list of n names (dim_date's day and month names):
    `case <expression> when 1 then <first> ... else <last> end`. Documented in
    _models__macros.yml.
#}
{% macro name_of_number(expression, names) %}
    case {{ expression }}
        {%- for name in names[:-1] %}
            when {{ loop.index }} then '{{ name }}'
        {%- endfor %}
            else '{{ names[-1] }}'
    end
{%- endmacro %}
