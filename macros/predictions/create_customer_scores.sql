{#
    The table the prediction step of `ecom run` writes its scores to (ecom/predictions/store.py),
    created empty if it does not exist: the pre-hook of stg_predictions__customer_scores, so the
    views over it can be built before anything was ever scored. Its columns are those of the
    `predictions` source (name and data_type, models/staging/predictions/), in order. Never
    dropped or replaced: PostgreSQL and Redshift views bind to it, and it holds the last scores.
#}
{% macro create_customer_scores() %}
    {{ return(adapter.dispatch('create_customer_scores', 'ecom')()) }}
{% endmacro %}

{% macro customer_scores_columns() %}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set scores = source('predictions', 'customer_scores') -%}
    {%- for node in graph.sources.values() -%}
        {%- if node.source_name == 'predictions' and node.name == scores.identifier -%}
            {{ return(node.columns.values() | list) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return([]) }}
{% endmacro %}

{% macro default__create_customer_scores() %}
    {%- set scores = source('predictions', 'customer_scores') -%}
    {%- if execute -%}
        {%- do adapter.create_schema(
            api.Relation.create(database=scores.database, schema=scores.schema)
        ) -%}
    {%- endif -%}
    create table if not exists {{ scores }} (
        {%- for column in ecom.customer_scores_columns() %}
        {{ column.name }} {{ column.data_type }}{{ ',' if not loop.last }}
        {%- endfor %}
    )
{% endmacro %}

{#
    Athena: an external Parquet table (Hive DDL, Hive's names for the types) under the target's
    s3_data_dir; the step puts one Parquet file at the location Glue records for it.
#}
{% macro athena__create_customer_scores() %}
    {%- set scores = source('predictions', 'customer_scores') -%}
    {%- set hive_types = {'varchar': 'string', 'integer': 'int'} -%}
    {%- if execute -%}
        {%- do adapter.create_schema(
            api.Relation.create(database=scores.database, schema=scores.schema)
        ) -%}
    {%- endif -%}
    create external table if not exists `{{ scores.schema }}`.`{{ scores.identifier }}` (
        {%- for column in ecom.customer_scores_columns() %}
        `{{ column.name }}` {{ hive_types.get(column.data_type, column.data_type) }}
        {{- ',' if not loop.last }}
        {%- endfor %}
    )
    stored as parquet
    location '{{ target.s3_data_dir.rstrip('/') }}/{{ scores.schema }}/{{ scores.identifier }}/'
{% endmacro %}
