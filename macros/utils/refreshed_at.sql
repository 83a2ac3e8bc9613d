{#
    Incremental models carry refreshed_at: when the build that last wrote the row started
    (dbt's run_started_at, UTC, to the millisecond). It is what a daily build uses to find what
    changed since a model was last built, so a run killed midway is caught up by the next one:
    a model that was not rebuilt still has its older refreshed_at, and sees every change since.
#}
{% macro run_started_timestamp() %}
    {%- set moment = run_started_at.strftime('%Y-%m-%d %H:%M:%S.%f')[:23] -%}
    {{- return("cast('" ~ moment ~ "' as " ~ dbt.type_timestamp() ~ ")") -}}
{% endmacro %}

{#-
    The latest refreshed_at of `relation` (1900-01-01 when it is empty), as a scalar subquery:
    the point after which an incremental model has not seen changes. before_this_run: only rows
    written by earlier builds, which is what a post_hook, running after this build wrote its rows,
    needs to find the same point as the model's query did.
-#}
{% macro last_refreshed_at(relation, before_this_run=false) %}
    {%- set earlier = " where refreshed_at < " ~ ecom.run_started_timestamp()
        if before_this_run else "" -%}
    {{- return(
        "(select coalesce(max(refreshed_at), cast('1900-01-01 00:00:00' as "
        ~ dbt.type_timestamp() ~ ")) from " ~ relation ~ earlier ~ ")"
    ) -}}
{% endmacro %}

{#
    The sales lines int_sales_validated re-decided after `relation` was last refreshed: every
    line, old and new, of each transaction a newly landed line touched (int_sales_validated
    re-decides whole transactions). Their transaction dates, customers and products are the keys
    whose numbers may have changed, including the date a corrected transaction moved away from.
    The caller must depend on int_sales_validated (`-- depends_on: {{ ref(...) }}`).
#}
{% macro sales_changed_since(relation) %}
    {{- return(
        "select * from " ~ ref('int_sales_validated')
        ~ " where refreshed_at > " ~ ecom.last_refreshed_at(relation)
    ) -}}
{% endmacro %}
