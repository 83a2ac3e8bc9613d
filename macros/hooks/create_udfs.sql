{#
    Functions some engines need before any model runs (called from on-run-start).
    Only PostgreSQL needs one today: ecom_try_cast, the engine's missing try_cast.
#}
{% macro create_udfs() %}
    {{ return(adapter.dispatch('create_udfs', 'ecom')()) }}
{% endmacro %}

{% macro default__create_udfs() %}
    select 1
{% endmacro %}

{% macro postgres__create_udfs() %}
    create schema if not exists {{ target.schema }};
    create or replace function {{ target.schema }}.ecom_try_cast(
        value text, target_type anyelement
    ) returns anyelement language plpgsql immutable as $body$
    begin
        execute format('select cast(%L as %s)', value, pg_typeof(target_type)) into target_type;
        return target_type;
    exception when others then
        return null;
    end;
    $body$
{% endmacro %}

{# dbt-redshift falls back to postgres__ macros; Redshift has try_cast and needs nothing. #}
{% macro redshift__create_udfs() %}
    select 1
{% endmacro %}
