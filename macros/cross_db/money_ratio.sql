{#
    numerator / denominator as decimal(18, 2), rounded half up, exactly (no float on the way),
    null when the denominator is 0. For non-negative money over a positive count (e.g. average
    order value). Built on integer division, which differs by engine (see integer_divide).
#}
{% macro money_ratio(numerator, denominator) %}
    {{ return(adapter.dispatch('money_ratio', 'ecom')(numerator, denominator)) }}
{% endmacro %}

{% macro default__money_ratio(numerator, denominator) %}
    -- the outer cast keeps decimal(18, 2) on the column: a case with a null branch would
    -- otherwise be a plain numeric on PostgreSQL
    cast(
        case
            when {{ denominator }} = 0 then null
            else cast(
                {{ ecom.integer_divide(
                    'cast(' ~ numerator ~ ' * 200 as bigint) + ' ~ denominator,
                    '2 * ' ~ denominator
                ) }} as decimal(18, 2)
            ) * 0.01
        end as decimal(18, 2)
    )
{% endmacro %}
