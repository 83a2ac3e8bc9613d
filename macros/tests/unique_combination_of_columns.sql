{#
    Fails on every combination of the given columns that occurs more than once: the primary-key
    test of a table whose key spans several columns.
#}
{% test unique_combination_of_columns(model, combination) %}

select
    {{ combination | join(', ') }},
    count(*) as occurrences
from {{ model }}
group by {{ combination | join(', ') }}
having count(*) > 1

{% endtest %}
