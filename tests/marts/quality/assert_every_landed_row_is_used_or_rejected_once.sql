-- Row by row, for every feed: each landed row (staging) is used or rejected, exactly once, and
-- nothing is used or rejected that did not land. Complements the per-file counts of
-- qa_ingest_reconciliation: a lost row and a double-counted one cannot cancel out here.
{# (entity, row key, model, what a row there counts as, filter) #}
{% set fates = [
    ('sales', 'sales_row_id', 'stg_shop__sales', 'landed', none),
    ('sales', 'sales_row_id', 'fct_sales', 'accounted', none),
    ('sales', 'sales_row_id', 'qa_rejected_sales', 'accounted', none),
    ('products', 'product_row_id', 'stg_shop__products', 'landed', none),
    ('products', 'product_row_id', 'int_products_validated', 'accounted', 'reject_reason is null'),
    ('products', 'product_row_id', 'qa_rejected_products', 'accounted', none),
    ('customers', 'customer_row_id', 'stg_shop__customers', 'landed', none),
    ('customers', 'customer_row_id', 'int_customers_validated', 'accounted', 'reject_reason is null'),
    ('customers', 'customer_row_id', 'qa_rejected_customers', 'accounted', none),
] %}

with

row_fates as (

    {% for entity, key, model, fate, condition in fates %}
        select
            {{ key }} as row_id,
            '{{ entity }}' as entity,
            '{{ fate }}' as fate
        from {{ ref(model) }}
        {% if condition %}where {{ condition }}{% endif %}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

per_row as (

    select
        entity,
        row_id,
        sum(case when fate = 'landed' then 1 else 0 end) as times_landed,
        sum(case when fate = 'accounted' then 1 else 0 end) as times_accounted
    from row_fates
    group by entity, row_id

)

select *
from per_row
where times_landed != 1 or times_accounted != 1
