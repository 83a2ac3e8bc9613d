-- ecom.iso8601_to_utc (staging's timestamp parser) on literal inputs: every accepted form
-- becomes the same UTC instant, offsets are applied, and anything else is null.
{# (text as received, the UTC instant expected, or none when it must not parse) #}
{% set cases = [
    ('2026-03-01T10:30:00Z', '2026-03-01 10:30:00'),
    ('2026-03-01 10:30:00', '2026-03-01 10:30:00'),
    ('2026-03-01T10:30:00.123456Z', '2026-03-01 10:30:00'),
    ('2026-03-01T12:30:00+02:00', '2026-03-01 10:30:00'),
    ('2026-03-01T05:00:00-05:30', '2026-03-01 10:30:00'),
    ('2026-03-01T00:30:00-10:00', '2026-03-01 10:30:00'),
    ('2026-03-02T01:30:00+15:00', '2026-03-01 10:30:00'),
    ('2026-02-30T10:30:00Z', none),
    ('2026-03-01', none),
    ('yesterday', none),
    ('2026-03-01T10:30:00+2', none),
] %}

with

cases as (

    {% for raw_value, expected_utc in cases %}
        select
            '{{ raw_value }}' as raw_value,
            {{ "'" ~ expected_utc ~ "'" if expected_utc else 'null' }} as expected_utc
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

parsed as (

    select
        raw_value,
        cast(expected_utc as {{ dbt.type_timestamp() }}) as expected_utc,
        {{ ecom.iso8601_to_utc('raw_value') }} as actual_utc
    from cases

)

select *
from parsed
where
    (expected_utc is null and actual_utc is not null)
    or (expected_utc is not null and actual_utc is null)
    or expected_utc != actual_utc
