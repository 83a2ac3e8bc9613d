{#
    An ISO-8601 timestamp string as a UTC timestamp (no time zone), to the second, or null when
    the text is not one. Accepted: 'YYYY-MM-DD HH:MM:SS' or with 'T', optional fractional seconds
    (dropped), then optionally 'Z' or an offset '+HH:MM' / '-HH:MM', which is applied so the
    result is UTC. Built only from functions every target has (substr, replace, dbt.right,
    dbt.dateadd, safe casts), so no engine's own time-zone handling is involved.
#}
{% macro iso8601_to_utc(expression) %}
    {%- set base = "[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?" -%}
    {%- set local_part = dbt.safe_cast(
        "replace(substr(" ~ expression ~ ", 1, 19), 'T', ' ')", dbt.type_timestamp()
    ) -%}
    {%- set offset_minutes = "(cast(substr(" ~ dbt.right(expression, 5) ~ ", 1, 2) as integer) * 60"
        ~ " + cast(" ~ dbt.right(expression, 2) ~ " as integer))" -%}
    case
        when {{ ecom.regexp_full_match(expression, base ~ "Z?") }}
            then {{ local_part }}
        when {{ ecom.regexp_full_match(expression, base ~ "[+][0-9]{2}:[0-9]{2}") }}
            then {{ dbt.dateadd('minute', '-1 * ' ~ offset_minutes, local_part) }}
        when {{ ecom.regexp_full_match(expression, base ~ "-[0-9]{2}:[0-9]{2}") }}
            then {{ dbt.dateadd('minute', offset_minutes, local_part) }}
    end
{% endmacro %}
