{#
    The raw source of an append-only staging model. A landed file never changes (each has its
    own "<batch>-<name>" key), so an incremental run only has to read the files that are not
    staged yet; the model itself keeps only rows of files not in {{ this }} (an anti-join on
    landed_file_name, on every engine).

    DuckDB reads the lake itself, so here the narrowing is real I/O saved: the lake is listed
    with glob() and only the files not staged yet are read by name, and a daily run parses one
    day's file instead of the whole history. When nothing is new, the newest staged file is read
    (and the anti-join leaves no row): read_csv needs at least one file, and the newest has
    every column of the current contract.
    Other engines scan the raw table (Athena/Spectrum prune on the landed file through the
    anti-join as far as they can; PostgreSQL's raw table is loaded by COPY).
#}
{% macro unstaged_lake_files(source_relation, relative_glob, staged_relation) %}
    {{ return(adapter.dispatch('unstaged_lake_files', 'ecom')(
        source_relation, relative_glob, staged_relation
    )) }}
{% endmacro %}

{% macro default__unstaged_lake_files(source_relation, relative_glob, staged_relation) %}
    {{ return(source_relation) }}
{% endmacro %}

{% macro duckdb__unstaged_lake_files(source_relation, relative_glob, staged_relation) %}
    {% set rendered = source_relation | string %}
    {% if not (execute and ecom.is_incremental()) %}
        {{ return(rendered) }}
    {% endif %}
    {% set pattern = env_var('ECOM_LAKE_URI', 'data/lake') ~ '/' ~ relative_glob %}
    {% set quoted_pattern = "'" ~ pattern ~ "'" %}
    {% if quoted_pattern not in rendered %}
        {{ exceptions.raise_compiler_error(
            "unstaged_lake_files: the source " ~ source_relation.identifier ~ " does not read "
            ~ quoted_pattern ~ " (meta.external_location in models/staging); keep them in step"
        ) }}
    {% endif %}
    {% set listing = run_query(
        "select file, regexp_extract(file, '[^/]+$') in ("
        ~ "select distinct landed_file_name from " ~ staged_relation ~ ") as is_staged "
        ~ "from glob(" ~ quoted_pattern ~ ") order by is_staged, file"
    ) %}
    {% set files = listing.columns[0].values() %}
    {% set staged = listing.columns[1].values() %}
    {% if files | length == 0 %}
        {{ return(rendered) }}
    {% endif %}
    {% set new_files = [] %}
    {% for index in range(files | length) %}
        {% if not staged[index] %}
            {% do new_files.append("'" ~ (files[index] | replace("'", "''")) ~ "'") %}
        {% endif %}
    {% endfor %}
    {% set read = new_files if new_files else ["'" ~ (files[-1] | replace("'", "''")) ~ "'"] %}
    {{ return(rendered | replace(quoted_pattern, '[' ~ read | join(', ') ~ ']')) }}
{% endmacro %}
