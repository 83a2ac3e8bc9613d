-- ecom.initcap (the city of stg_shop__customers) on literal inputs: every word capitalised,
-- the rest lower case, a word being a run of letters and digits, as PostgreSQL's and
-- Redshift's initcap() do it, on the engine at hand.
{# (text, title case expected) #}
{% set cases = [
    ('new YORK', 'New York'),
    ('NEW york', 'New York'),
    ('winston-salem', 'Winston-Salem'),
    ("coeur d''alene", "Coeur D''Alene"),
    ('st. louis', 'St. Louis'),
    ('3rd district', '3rd District'),
    ('new  york', 'New  York'),
    (' miami', ' Miami'),
] %}

with

cases as (

    {% for raw_value, expected_value in cases %}
        select
            '{{ raw_value }}' as raw_value,
            '{{ expected_value }}' as expected_value
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

capitalised as (

    select
        raw_value,
        expected_value,
        {{ ecom.initcap('raw_value') }} as actual_value
    from cases

)

select *
from capitalised
where actual_value is null or actual_value != expected_value
