{#
    Fails on every row whose reason code is not listed in the reject_reasons seed for the
    given entity (sales, products or customers): every code a qa model emits must be explained
    there, with what to do about it.
#}
{% test reject_reason_is_documented(model, column_name, entity) %}

{#- a CTE, not `{{ model }} as rejected`: dbt hands a test with a `where` (a daily run's scope
    included, macros/utils/test_scope.sql) an aliased subquery as `model` -#}
with rejected as (

    select {{ column_name }} from {{ model }}

)

select rejected.{{ column_name }}
from rejected
where
    rejected.{{ column_name }} is not null
    and not exists (
        select 1
        from {{ ref('reject_reasons') }} as reasons
        where
            reasons.entity = '{{ entity }}'
            and reasons.reject_reason = rejected.{{ column_name }}
    )

{% endtest %}
