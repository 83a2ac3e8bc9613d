{#
    A 1..5 score from a row's position among `total` rows: `worse` rows are strictly worse and
    `ties` rows (itself included) are equal. Equal values share the quintile of their middle
    position, 1 + floor(5 * (worse + ties / 2) / total), in integer arithmetic; the worst value
    always scores 1 and the best always 5, however many rows share it. With distinct values
    the five scores are as equal in size as the count allows; unlike ntile(5), equal values
    never get different scores. Used for RFM scoring (rpt_customer_segments).
#}
{% macro tie_aware_quintile(worse, ties, total) %}
    case
        when {{ worse }} = 0 then 1
        when {{ worse }} + {{ ties }} = {{ total }} then 5
        else 1 + {{ ecom.integer_divide(
            '5 * (2 * ' ~ worse ~ ' + ' ~ ties ~ ')', '2 * ' ~ total
        ) }}
    end
{% endmacro %}
