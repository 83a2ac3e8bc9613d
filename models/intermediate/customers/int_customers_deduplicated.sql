{#
    One row per customer: the latest usable record over all pulls (latest updated_at, then
    latest batch and file). This is the customer feed's current state, what the SCD2 snapshot
    snp_shop__customers captures on every build.
    A view: the snapshot is its one reader, once a build, and a table meant writing every
    customer again each day for a state that rarely changes.
#}
{{ config(materialized='view') }}
with

validated_customers as (

    select * from {{ ref('int_customers_validated') }}

),

ranked as (

    select
        *,
        row_number() over (
            partition by customer_id
            order by updated_at desc, batch_id desc, landed_file_name desc
        ) as recency_rank
    from validated_customers
    where reject_reason is null

),

final as (

    select
        customer_id,
        customer_row_id,
        batch_id,
        landed_file_name,
        customer_name,
        email,
        city,
        signup_date,
        ingest_date,
        updated_at
    from ranked
    where recency_rank = 1

)

select * from final
