{#
    Iceberg upkeep on Athena: `dbt run-operation iceberg_maintenance --target athena`, run by the
    deployed daily workflow after the build (infra/templates/workflow.yaml, step Maintain).

    Every Iceberg table that keeps its history between builds (incremental models, snapshots)
    gets a commit per build: small data files and snapshots pile up, and with them query time,
    S3 requests and metadata. Table-materialized Iceberg marts are re-created by each build
    (CTAS to a new location, then a rename), so they carry no history to expire and are left out.

    - OPTIMIZE ... REWRITE DATA USING BIN_PACK compacts small files. Athena bills it by the bytes
      it rewrites, so a partitioned table is compacted only where the daily builds write: the
      last `days` days of its partition column. Athena allows only partition columns in that
      WHERE; for a time transform (day(col), month(col)) the source column is the partition
      column. A table without a time partition is compacted whole (bin-pack rewrites only the
      files below the table's optimize_rewrite_data_file_threshold).
    - VACUUM expires snapshots older than the table's vacuum_max_snapshot_age_seconds (Athena's
      default, 5 days: the time-travel window) and removes the files nothing references. It reads
      metadata and lists S3, and scans no data.
#}
{% macro iceberg_maintenance(days=7) %}
    {{ return(adapter.dispatch('iceberg_maintenance', 'ecom')(days)) }}
{% endmacro %}

{% macro default__iceberg_maintenance(days) %}
    {% do log('iceberg_maintenance: nothing to do on ' ~ target.type ~ ' (Iceberg tables are Athena only)', info=True) %}
{% endmacro %}

{% macro athena__iceberg_maintenance(days) %}
    {% if days | int < 1 %}
        {% do exceptions.raise_compiler_error('iceberg_maintenance: days must be 1 or more, got ' ~ days) %}
    {% endif %}
    {% for statement in ecom.iceberg_maintenance_statements(days | int) %}
        {% do log('iceberg_maintenance: ' ~ statement, info=True) %}
        {% do run_query(statement) %}
    {% endfor %}
{% endmacro %}

{# The statements for the tables that exist, in the graph's order. #}
{% macro iceberg_maintenance_statements(days) %}
    {% set statements = [] %}
    {% for node in graph.nodes.values()
        if node.resource_type in ('model', 'snapshot')
        and node.config.get('table_type') == 'iceberg'
        and node.config.materialized in ('incremental', 'snapshot') %}
        {% set relation = adapter.get_relation(database=node.database, schema=node.schema, identifier=node.alias) %}
        {% if relation is not none %}
            {# the source column of each time transform: day(col), month(col), year(col), hour(col) #}
            {% set where = [] %}
            {% for partition in node.config.get('partitioned_by') or [] %}
                {% set found = modules.re.match('^\s*(?:year|month|day|hour)\s*\(\s*(\w+)\s*\)\s*$', partition) %}
                {% if found %}
                    {% do where.append(found.group(1) ~ " >= current_date - interval '" ~ days ~ "' day") %}
                {% endif %}
            {% endfor %}
            {% do statements.append(
                'optimize ' ~ relation ~ ' rewrite data using bin_pack'
                ~ (' where ' ~ where | join(' and ') if where else '')
            ) %}
            {% do statements.append('vacuum ' ~ relation) %}
        {% endif %}
    {% endfor %}
    {{ return(statements) }}
{% endmacro %}
