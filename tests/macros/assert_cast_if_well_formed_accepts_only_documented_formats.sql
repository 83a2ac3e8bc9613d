-- ecom.cast_if_well_formed (staging's casts) on literal inputs: a value in the documented feed
-- format becomes the typed value, anything else null, the same on every engine (an engine's
-- own cast would accept more, or round '12.345').
{# (raw text, the value expected as text, or none when it must be null) per format #}
{% set cases = {
    'integer': [
        ('12', '12'), ('-7', '-7'), ('007', '7'), ('999999999', '999999999'),
        ('1234567890', none), ('12abc', none), ('1.5', none), ('1e3', none), (' 12', none),
    ],
    'money': [
        ('12.3', '12.30'), ('-0.50', '-0.50'), ('1000000.00', '1000000.00'), ('7', '7.00'),
        ('12.345', none), ('12.', none), ('.5', none), ('1e3', none), ('12,50', none),
    ],
    'date': [
        ('2026-11-20', '2026-11-20'), ('2024-02-29', '2024-02-29'),
        ('2026-02-30', none), ('2026/11/20', none), ('2026-11-20 10:00:00', none),
    ],
    'timestamp': [
        ('2026-11-20 10:00:00', '2026-11-20 10:00:00'),
        ('2026-11-20T10:00:00', none), ('2026-11-20 25:00:00', none),
        ('2026-11-20 10:00', none), ('2026-11-20', none),
    ],
} %}
{% set types = {
    'integer': 'integer',
    'money': ecom.type_money(),
    'date': 'date',
    'timestamp': dbt.type_timestamp(),
} %}

with

{% for format, format_cases in cases.items() %}
    {{ format }}_cases as (

        select
            raw_value,
            cast(expected_value as {{ types[format] }}) as expected_value,
            {{ ecom.cast_if_well_formed('raw_value', format) }} as actual_value
        from (
            {% for raw_value, expected_value in format_cases %}
                select
                    '{{ raw_value }}' as raw_value,
                    {{ "'" ~ expected_value ~ "'" if expected_value else 'null' }} as expected_value
                {% if not loop.last %}union all{% endif %}
            {% endfor %}
        ) as literals

    ),

    {{ format }}_wrong as (

        select
            '{{ format }}' as format_name,
            raw_value
        from {{ format }}_cases
        where
            (expected_value is null and actual_value is not null)
            or (expected_value is not null and actual_value is null)
            or expected_value != actual_value

    ),

{% endfor %}

final as (

    {% for format in cases %}
        select * from {{ format }}_wrong
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select * from final
