-- ecom.money_ratio and ecom.integer_divide on literal inputs: exact decimal(18, 2) results,
-- rounded half up (a negative ratio away from zero, as a positive one), null over zero, and
-- integer division truncating, on the engine at hand.
{# (numerator, denominator, the ratio expected, or none) #}
{% set ratios = [
    ('10.00', '3', '3.33'),
    ('20.00', '3', '6.67'),
    ('0.05', '2', '0.03'),
    ('0.01', '2', '0.01'),
    ('0.01', '3', '0.00'),
    ('1000000.00', '7', '142857.14'),
    ('5.00', '0', none),
    ('-10.00', '3', '-3.33'),
    ('-20.00', '3', '-6.67'),
    ('-0.05', '2', '-0.03'),
    ('20.00', '-3', '-6.67'),
    ('-20.00', '-3', '6.67'),
] %}
{# (numerator, denominator, the quotient expected) #}
{% set quotients = [(7, 2, 3), (6, 3, 2), (0, 5, 0), (199, 200, 0), (167, 24, 6)] %}

with

ratio_cases as (

    {% for numerator, denominator, expected in ratios %}
        select
            '{{ numerator }} / {{ denominator }}' as case_name,
            cast(
                {{ expected if expected else 'null' }} as {{ ecom.type_money() }}
            ) as expected_value,
            {{ ecom.money_ratio(
                'cast(' ~ numerator ~ ' as ' ~ ecom.type_money() ~ ')', denominator
            ) }} as actual_value
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

quotient_cases as (

    {% for numerator, denominator, expected in quotients %}
        select
            '{{ numerator }} div {{ denominator }}' as case_name,
            cast({{ expected }} as {{ ecom.type_money() }}) as expected_value,
            cast({{ ecom.integer_divide(numerator, denominator) }} as {{ ecom.type_money() }})
                as actual_value
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select * from ratio_cases
    union all
    select * from quotient_cases

)

select case_name
from final
where
    (expected_value is null and actual_value is not null)
    or (expected_value is not null and actual_value is null)
    or expected_value != actual_value
