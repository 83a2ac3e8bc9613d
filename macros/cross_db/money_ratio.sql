{#
    numerator / denominator as decimal(18, 2), rounded half up, exactly (no float on the way),
    null when the denominator is 0; negative results round half away from zero as positive ones
    do (a category's share of a day whose returns outweigh its sales). Built on integer division, which differs by engine (see integer_divide).
#}
{% macro money_ratio(numerator, denominator) %}
    {{ return(adapter.dispatch('money_ratio', 'ecom')(numerator, denominator)) }}
{% endmacro %}

{% macro default__money_ratio(numerator, denominator) %}
    -- the outer cast keeps decimal(18, 2) on the column: a case with a null branch would
    -- otherwise be a plain numeric on PostgreSQL. Integer division truncates toward zero on
    -- every engine, so it divides the absolute values and the sign is put back: -16.6667
    -- rounds half up (away from zero) to -16.67, not -16.66.
    cast(
        case
            when {{ denominator }} = 0 then null
            else cast(
                (case when ({{ numerator }} < 0) = ({{ denominator }} < 0) then 1 else -1 end)
                * {{ ecom.integer_divide(
                    'cast(abs(' ~ numerator ~ ') * 200 as bigint) + abs(' ~ denominator ~ ')',
                    '2 * abs(' ~ denominator ~ ')'
                ) }} as decimal(18, 2)
            ) * 0.01
        end as decimal(18, 2)
    )
{% endmacro %}
