{#
    Predicates added to fct_sales' (and fct_orders', by order_date) MERGE ... ON on engines that
    prune by them, so a daily merge reads only the partitions it can change instead of the
    whole table. An order's date is the date of one of its lines, so it is among them too; and
    the days of the returns fct_sales matches again (those of the changed lines' customers).

    Athena (Iceberg, partitioned by day(transaction_date)): only target rows dated on a day of a
    line int_sales_validated re-decided since fct_sales was last refreshed. Those lines are all
    the lines of every touched transaction, old and new, so the day a transaction is stored
    under now is among them even when a correction moves it to another day: the match is never
    missed, however old the corrected transaction is.
    "Last refreshed" leaves out fct_sales' rows as new as int_sales_validated's latest refresh,
    which are this build's: Athena writes at most 100 partitions a statement, so dbt-athena
    merges more days as one MERGE per 100 days, each committed before the next runs, and a later
    batch must still find the lines this build re-decided, whose rows an earlier batch already
    wrote (tests/python/test_portability_executed.py, sales arriving late for 150 days). On a
    build that re-decided nothing, the merge has no source rows and the days are all days.
    Other engines: none (DuckDB and PostgreSQL tables are small enough; Redshift prunes by the
    transaction_at sort key through zone maps).
#}
{% macro fct_sales_merge_predicates(date_column='transaction_date') %}
    {%- set merged_relation, validated_relation = ecom.merge_target_relations() -%}
    {{ return(adapter.dispatch('fct_sales_merge_predicates', 'ecom')(
        merged_relation, validated_relation, date_column
    )) }}
{% endmacro %}

{#-
    The calling model's relation and int_sales_validated's, in the schemas dbt will give them.
    A model's config is rendered while dbt parses, when `this` still has the target's schema,
    not the folder's (+schema: marts): a merge predicate would read ecom_analytics.fct_sales, a
    table that does not exist (tests/python/test_aws_materializations.py and
    test_portability_executed.py catch it). (A unit test's `this` is none or its fixture's
    name, a string: it stays as it is, and int_sales_validated's is none.)
-#}
{% macro merge_target_relations() %}
    {%- if this is none or this is string -%}
        {{ return([this, none]) }}
    {%- endif -%}
    {%- set merged = this.incorporate(
        path={'schema': generate_schema_name(model.config.schema, model)}
    ) -%}
    {%- set validated = merged.incorporate(
        path={
            'schema': generate_schema_name('intermediate', model),
            'identifier': 'int_sales_validated',
        }
    ) -%}
    {{ return([merged, validated]) }}
{% endmacro %}

{% macro default__fct_sales_merge_predicates(relation, validated_relation, date_column) %}
    {{ return(none) }}
{% endmacro %}

{% macro athena__fct_sales_merge_predicates(relation, validated_relation, date_column) %}
    {% if relation is none or relation is string %}
        {{ return(none) }}
    {% endif %}
    {%- set last_refreshed_before_this_build = "(select coalesce(max(refreshed_at), cast("
        ~ "'1900-01-01 00:00:00' as " ~ dbt.type_timestamp() ~ ")) from " ~ relation
        ~ " where refreshed_at < (select max(refreshed_at) from " ~ validated_relation ~ "))" -%}
    {%- set changed = validated_relation ~ " where refreshed_at > "
        ~ last_refreshed_before_this_build -%}
    {%- set days = "select distinct cast(transaction_at as date) from " ~ changed
        ~ " and transaction_at is not null" -%}
    {%- if date_column == 'transaction_date' -%}
        {#- fct_sales also writes again the orders of the returns it matches again (the
            changed lines' customers', fct_sales.sql rematched_orders): every day of their
            lines too -#}
        {%- set days = days ~ " union select distinct transaction_date from " ~ relation
            ~ " where transaction_id in (select transaction_id from " ~ relation
            ~ " where is_return and return_match in ('customer_product', 'unmatched')"
            ~ " and not is_guest and customer_id in (select customer_id from " ~ changed
            ~ " and customer_id is not null))" -%}
    {%- endif -%}
    {{ return(["target." ~ date_column ~ " in (" ~ days ~ ")"]) }}
{% endmacro %}
