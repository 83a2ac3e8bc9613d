{#
    A subquery of the integers 0 .. upper_bound - 1 in a column `n`, from cross-joined digits:
    plain SQL every target runs (no generate_series, which Redshift lacks and Trino spells
    differently). Use as `from ({{ ecom.number_series(168) }}) as numbers`.
#}
{% macro number_series(upper_bound) %}
    {%- set places = [((upper_bound - 1) | string | length), 1] | max -%}
    {%- set digits -%}
        (select 0 as digit
        {%- for d in range(1, 10) %} union all select {{ d }}{% endfor %})
    {%- endset -%}
    select
        {% for place in range(places) -%}
            {{ 'place_' ~ place }}.digit * {{ 10 ** place }}{% if not loop.last %} + {% endif %}
        {%- endfor %} as n
    from
        {% for place in range(places) -%}
            {{ digits }} as {{ 'place_' ~ place }}{% if not loop.last %} cross join {% endif %}
        {%- endfor %}
    where
        {% for place in range(places) -%}
            {{ 'place_' ~ place }}.digit * {{ 10 ** place }}{% if not loop.last %} + {% endif %}
        {%- endfor %} < {{ upper_bound }}
{% endmacro %}
