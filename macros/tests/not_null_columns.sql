{#
    Model test: fails with one row per listed column that holds a null, with how many rows
    hold one (`column_name`, `null_rows`): the not_null test of many columns in one node, so a
    model with a dozen required columns costs dbt one test, and the warehouse one scan, instead
    of a dozen (docs/operating.md "Test scope", docs/benchmarks.md). Keep the key column's own
    not_null beside unique: that pair is the model's primary-key test.
#}
{% test not_null_columns(model, column_names) %}

with

null_counts as (

    select
        {%- for column in column_names %}
            sum(case when {{ column }} is null then 1 else 0 end) as {{ column }}
            {%- if not loop.last %},{% endif %}
        {%- endfor %}
    from {{ model }}

)

{% for column in column_names %}
    select
        '{{ column }}' as column_name,
        {{ column }} as null_rows
    from null_counts
    where {{ column }} > 0
    {% if not loop.last %}union all{% endif %}
{% endfor %}

{% endtest %}
