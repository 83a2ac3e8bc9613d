{#
    Fails on every row where the boolean SQL expression is not true (false or null), e.g.
    `rows_landed = rows_used + rows_rejected`. Model-level; add `where` in the test config to
    narrow the rows checked.
#}
{% test expression_is_true(model, expression) %}

select *
from {{ model }}
where not coalesce({{ expression }}, false)

{% endtest %}
