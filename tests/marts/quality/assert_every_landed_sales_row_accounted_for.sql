-- Per landed file: lines in staging = lines in fct_sales (kept) + lines in qa_rejected_sales.
with

landed as (

    select
        landed_file_name,
        count(*) as landed_rows
    from {{ ref('stg_shop__sales') }}
    group by landed_file_name

),

kept as (

    select
        landed_file_name,
        count(*) as kept_rows
    from {{ ref('fct_sales') }}
    group by landed_file_name

),

rejected as (

    select
        landed_file_name,
        count(*) as rejected_rows
    from {{ ref('qa_rejected_sales') }}
    group by landed_file_name

)

select
    landed.landed_file_name,
    landed.landed_rows,
    coalesce(kept.kept_rows, 0) as kept_rows,
    coalesce(rejected.rejected_rows, 0) as rejected_rows
from landed
left join kept on landed.landed_file_name = kept.landed_file_name
left join rejected on landed.landed_file_name = rejected.landed_file_name
where landed.landed_rows != coalesce(kept.kept_rows, 0) + coalesce(rejected.rejected_rows, 0)
