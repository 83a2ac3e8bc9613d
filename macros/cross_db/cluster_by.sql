{#
    Physical row order of a table, for engines whose only clustering is insertion order.
    DuckDB keeps min/max per row group, so a fact stored in date order lets a date-range query
    (every dashboard page) skip the row groups outside the range. Athena (Iceberg partitions)
    and Redshift (sort keys) get the same from the model's config, PostgreSQL from indexes it
    does not need at this size: there the clause is empty.
#}
{% macro cluster_by(columns) %}
    {{ return(adapter.dispatch('cluster_by', 'ecom')(columns)) }}
{% endmacro %}

{% macro default__cluster_by(columns) %}
{% endmacro %}

{% macro duckdb__cluster_by(columns) %}
    order by {{ columns | join(', ') }}
{% endmacro %}
