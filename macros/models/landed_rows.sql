{#
    The three steps every shop staging model shares: read the landed lines of a raw feed,
    cast a text field only when it has its documented format, and key each landed line.
    Documented in _models__macros.yml.
#}

{#- Every line of the raw table: the file it landed in (read here, where the table is scanned:
    Athena's "$path" does not pass through a CTE), its ingest date, and the given fields as
    clean text (ecom.clean_string). `fields` maps each column to the raw field (or an expression
    over the raw fields) it is read from. With `landed_glob`, a feed that has landed nothing yet
    (a first run with sales but no customer pull) reads as no rows instead of failing the build
    (ecom.lake_has_files: DuckDB only; the other engines read an empty table). -#}
{% macro select_landed_fields(relation, fields, landed_glob=none) %}
    {%- if landed_glob is not none and not ecom.lake_has_files(landed_glob) %}
    select
        cast(null as {{ dbt.type_string() }}) as landed_file_name,
        cast(null as date) as ingest_date,
        {%- for column in fields %}
            cast(null as {{ dbt.type_string() }}) as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    where 1 = 0
    {%- else %}
    select
        {{ ecom.landed_file_name() }} as landed_file_name,
        cast(ingest_date as date) as ingest_date,
        {%- for column, field in fields.items() %}
            {{ ecom.clean_string(field) }} as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ relation }}
    {%- endif %}
{% endmacro %}

{#- A text value cast to a type only when it has that type's documented feed format, so every
    engine accepts and refuses the same values (DuckDB alone would also read '2026/08/23'); null
    otherwise. -#}
{% macro cast_if_well_formed(expression, format) %}
    {%- set formats = {
        'integer': ('-?[0-9]{1,9}', 'integer'),
        'money': ('-?[0-9]{1,16}([.][0-9]{1,2})?', ecom.type_money()),
        'date': ('[0-9]{4}-[0-9]{2}-[0-9]{2}', 'date'),
        'timestamp': (
            '[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}', dbt.type_timestamp()
        ),
    } -%}
    {%- if format not in formats -%}
        {{ exceptions.raise_compiler_error(
            "cast_if_well_formed: format must be one of " ~ (formats.keys() | list | join(', '))
            ~ ", not " ~ format
        ) }}
    {%- endif -%}
    {%- set pattern, type = formats[format] -%}
    case
        when {{ ecom.regexp_full_match(expression, pattern) }}
            then {{ dbt.safe_cast(expression, type) }}
    end
{%- endmacro %}

{#- Surrogate key of a landed line: a hash of its file, its fields as landed and its occurrence
    among identical lines of that file (so exact copies within a file get keys of their own). -#}
{% macro landed_row_id(fields) %}
    {%- set parts = ["coalesce(landed_file_name, '')"] -%}
    {%- for field in fields -%}
        {%- do parts.extend(["'|'", "coalesce(" ~ field ~ ", '')"]) -%}
    {%- endfor -%}
    {%- set occurrence_in_file -%}
        row_number() over (
            partition by landed_file_name, {{ fields | join(', ') }}
            order by landed_file_name
        )
    {%- endset -%}
    {%- do parts.extend(["'|'", dbt.cast(occurrence_in_file, dbt.type_string())]) -%}
    {{ dbt.hash(dbt.concat(parts)) }}
{%- endmacro %}

{#- Which of `names` the landed files of `relation` have. DuckDB reads the lake's CSV files by
    name (union_by_name), so a column no file read has yet does not exist: a lake landed
    before the contract grew a column. The other engines read a raw table that has every
    column of the contract (empty for older files). -#}
{% macro landed_columns(relation, names) %}
    {{ return(adapter.dispatch('landed_columns', 'ecom')(relation, names)) }}
{% endmacro %}

{% macro default__landed_columns(relation, names) %}
    {{ return(names) }}
{% endmacro %}

{% macro duckdb__landed_columns(relation, names) %}
    {% if not execute %}
        {{ return(names) }}
    {% endif %}
    {% set found = run_query("select * from " ~ relation ~ " limit 0").column_names %}
    {{ return(names | select('in', found) | list) }}
{% endmacro %}
