{#
    A text value as staging keeps it: cast to the engine's string type, trimmed, and null when
    nothing is left. Every id and free-text column of the raw feeds goes through here.
#}
{% macro clean_string(expression) %}
    {{ dbt.safe_cast("nullif(trim(" ~ expression ~ "), '')", dbt.type_string()) }}
{% endmacro %}

{#
    An identifier without the invisible characters that copy-paste and spreadsheets leave in
    it (zero-width space, non-joiner and joiner, word joiner, a stray byte-order mark): with
    one, '17850' and '17850<U+200B>' would be two customers. clean_string then trims it.
#}
{% macro strip_zero_width(expression) %}
    {{ return(adapter.dispatch('strip_zero_width', 'ecom')(expression)) }}
{% endmacro %}

{#- (A `set` inside a for loop does not outlive the loop in Jinja: a namespace carries it.) -#}
{% macro default__strip_zero_width(expression) %}
    {%- set stripped = namespace(sql=expression) -%}
    {%- for code_point in [8203, 8204, 8205, 8288, 65279] -%}
        {%- set stripped.sql = "replace(" ~ stripped.sql ~ ", chr(" ~ code_point ~ "), '')" -%}
    {%- endfor -%}
    {{- stripped.sql -}}
{% endmacro %}

{#- Redshift's chr() returns null above ASCII (and replace() with a null then nulls the id):
    the characters are written into the SQL literally. -#}
{% macro redshift__strip_zero_width(expression) %}
    {%- set stripped = namespace(sql=expression) -%}
    {%- for character in ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"] -%}
        {%- set stripped.sql = "replace(" ~ stripped.sql ~ ", '" ~ character ~ "', '')" -%}
    {%- endfor -%}
    {{- stripped.sql -}}
{% endmacro %}
