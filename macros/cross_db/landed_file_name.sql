{#
    The name of the lake object a raw row came from ("<batch>-<file>"), without its prefix.
    DuckDB's read_csv/read_json expose the path as `filename`; Athena and Redshift Spectrum
    as the pseudo-column "$path"; tables loaded by COPY (PostgreSQL) carry `_landed_file`.
#}
{% macro landed_file_name() %}
    {{ return(adapter.dispatch('landed_file_name', 'ecom')()) }}
{% endmacro %}

{% macro default__landed_file_name() %}
    regexp_extract(filename, '[^/]+$')
{% endmacro %}

{% macro athena__landed_file_name() %}
    regexp_extract("$path", '[^/]+$')
{% endmacro %}

{% macro redshift__landed_file_name() %}
    regexp_substr("$path", '[^/]+$')
{% endmacro %}

{% macro postgres__landed_file_name() %}
    substring(_landed_file from '[^/]+$')
{% endmacro %}
