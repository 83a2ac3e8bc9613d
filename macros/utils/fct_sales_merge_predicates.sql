{#
    Predicates added to fct_sales' MERGE ... ON on engines that prune by them, so a daily merge
    reads only the recent days of the target instead of the whole table.

    Athena (Iceberg, partitioned by day(transaction_date)): only target rows dated within twice
    the lookback window before the latest loaded date are compared. The incoming rows all lie
    within one lookback window, so a matching target row is always inside this range unless a
    correction moved a transaction's date by more than the window; such a row would be inserted
    again and fct_sales' unique test fails the build, never silently.
    Other engines: none (DuckDB and PostgreSQL tables are small enough; Redshift prunes by the
    transaction_at sort key through zone maps).
#}
{% macro fct_sales_merge_predicates(relation, lookback_days) %}
    {{ return(adapter.dispatch('fct_sales_merge_predicates', 'ecom')(relation, lookback_days)) }}
{% endmacro %}

{% macro default__fct_sales_merge_predicates(relation, lookback_days) %}
    {{ return(none) }}
{% endmacro %}

{% macro athena__fct_sales_merge_predicates(relation, lookback_days) %}
    {{ return([
        "target.transaction_date >= (select date_add('day', -"
        ~ (2 * lookback_days) ~ ", max(transaction_date)) from " ~ relation ~ ")"
    ]) }}
{% endmacro %}
