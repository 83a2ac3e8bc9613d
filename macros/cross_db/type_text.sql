{#
    The type of a string column whose values have no length the project controls (names,
    e-mails, a refused row's raw text, error messages, ids as received). `varchar` on DuckDB,
    PostgreSQL and Athena, where it is unbounded. On Redshift `varchar` without a length and
    `text` are VARCHAR(256) (bytes), and a longer value fails the insert ("value too long for
    type character varying(256)"), so there it is the widest varchar, VARCHAR(65535) (what
    VARCHAR(MAX) means in CREATE TABLE). Redshift stores a varchar by its actual length, so the
    declared width costs no storage; wide columns cost memory only in some query steps (sorts,
    hashes), which is cheap at this project's sizes next to a daily build that fails.
    https://docs.aws.amazon.com/redshift/latest/dg/r_Character_types.html
#}
{% macro type_text() %}
    {{- return(adapter.dispatch('type_text', 'ecom')()) -}}
{% endmacro %}

{% macro default__type_text() %}
    {{- return('varchar') -}}
{% endmacro %}

{% macro redshift__type_text() %}
    {{- return('varchar(65535)') -}}
{% endmacro %}

{#
    dbt's type_string() on Redshift: dbt-redshift spells it `text`, i.e. VARCHAR(256) there
    (see type_text); every other engine keeps dbt's own.
#}
{% macro redshift__type_string() %}
    {{- return(ecom.type_text()) -}}
{% endmacro %}

{#
    dbt's hash() on Redshift: dbt's default casts its argument to `text` before md5, i.e. to
    VARCHAR(256), which would key a long row (landed_row_id) by its first 256 bytes only.
#}
{% macro redshift__hash(field) %}
    md5(cast({{ field }} as {{ ecom.type_text() }}))
{% endmacro %}
