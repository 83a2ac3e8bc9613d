{#
    Model test: fails with one row per listed column that holds a value outside its range,
    with how many rows do (`column_name`, `rows_out_of_range`): the accepted_range test of
    several columns as one dbt node and one scan of the model. Bounds are inclusive and
    either is optional; nulls pass, as in accepted_range.
#}
{% test accepted_ranges(model, ranges) %}

with

out_of_range as (

    select
        {%- for column, bounds in ranges.items() %}
            sum(
                case
                    when {{ column }} is not null and not (
                        1 = 1
                        {%- if bounds.get('min_value') is not none %}
                            and {{ column }} >= {{ bounds['min_value'] }}
                        {%- endif %}
                        {%- if bounds.get('max_value') is not none %}
                            and {{ column }} <= {{ bounds['max_value'] }}
                        {%- endif %}
                    ) then 1
                    else 0
                end
            ) as {{ column }}
            {%- if not loop.last %},{% endif %}
        {%- endfor %}
    from {{ model }}

)

{% for column in ranges %}
    select
        '{{ column }}' as column_name,
        {{ column }} as rows_out_of_range
    from out_of_range
    where {{ column }} > 0
    {% if not loop.last %}union all{% endif %}
{% endfor %}

{% endtest %}
