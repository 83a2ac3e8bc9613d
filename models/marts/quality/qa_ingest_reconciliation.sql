{#
    For every landed file of every feed (so for every ingest batch): rows landed = rows used +
    rows rejected. Landed rows are counted in staging (1:1 with the raw files), used rows where
    they are used (fct_sales for sales; the usable rows of int_products_validated and
    int_customers_validated, from which the dimensions are built), rejected rows in the
    qa_rejected_<entity> models. Each side is counted on its own, so a row lost, counted twice,
    or kept in fct_sales after its file left the lake shows up as is_balanced = false, and the
    test on this model fails the build.
#}
with

staged_sales as (

    select * from {{ ref('stg_shop__sales') }}

),

loaded_sales as (

    select * from {{ ref('fct_sales') }}

),

rejected_sales as (

    select * from {{ ref('qa_rejected_sales') }}

),

staged_products as (

    select * from {{ ref('stg_shop__products') }}

),

validated_products as (

    select * from {{ ref('int_products_validated') }}

),

rejected_products as (

    select * from {{ ref('qa_rejected_products') }}

),

staged_customers as (

    select * from {{ ref('stg_shop__customers') }}

),

validated_customers as (

    select * from {{ ref('int_customers_validated') }}

),

rejected_customers as (

    select * from {{ ref('qa_rejected_customers') }}

),

{#- (entity, import CTE, what a row there counts as, filter) -#}
{%- set tallies = [
    ('sales', 'staged_sales', 'landed', none),
    ('sales', 'loaded_sales', 'used', none),
    ('sales', 'rejected_sales', 'rejected', none),
    ('products', 'staged_products', 'landed', none),
    ('products', 'validated_products', 'used', 'reject_reason is null'),
    ('products', 'rejected_products', 'rejected', none),
    ('customers', 'staged_customers', 'landed', none),
    ('customers', 'validated_customers', 'used', 'reject_reason is null'),
    ('customers', 'rejected_customers', 'rejected', none),
] %}

row_tallies as (

    {% for entity, cte, counts_as, condition in tallies %}
        select
            '{{ entity }}' as entity,
            batch_id,
            landed_file_name,
            ingest_date,
            {{ 1 if counts_as == 'landed' else 0 }} as is_landed,
            {{ 1 if counts_as == 'used' else 0 }} as is_used,
            {{ 1 if counts_as == 'rejected' else 0 }} as is_rejected
        from {{ cte }}
        {% if condition %}where {{ condition }}{% endif %}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

per_file as (

    select
        entity,
        batch_id,
        landed_file_name,
        max(ingest_date) as ingest_date,
        sum(is_landed) as rows_landed,
        sum(is_used) as rows_used,
        sum(is_rejected) as rows_rejected
    from row_tallies
    group by entity, batch_id, landed_file_name

),

final as (

    select
        cast({{ dbt.concat(['entity', "'|'", 'landed_file_name']) }} as {{ dbt.type_string() }})
            as reconciliation_id,
        cast(entity as {{ dbt.type_string() }}) as entity,
        cast(batch_id as {{ dbt.type_string() }}) as batch_id,
        cast(landed_file_name as {{ dbt.type_string() }}) as landed_file_name,
        cast(rows_landed as integer) as rows_landed,
        cast(rows_used as integer) as rows_used,
        cast(rows_rejected as integer) as rows_rejected,
        rows_landed = rows_used + rows_rejected as is_balanced,
        ingest_date
    from per_file

)

select * from final
