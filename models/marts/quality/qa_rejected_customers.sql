{#
    Every customer record that arrived and cannot be used, with the reason: records the ingest
    door refused (stg_lake__refused_rows: never landed, so only the door's reason and detail,
    the line number and the raw record) and landed records with the rule
    int_customers_validated applied.
    A table rebuilt by every build, not incremental: int_customers_validated is itself rebuilt
    whole every build (a verdict depends on the whole export or pull:
    conflicting_duplicate_id), it holds one full export or pull a day, and the qa table is a
    small fraction of it; merging would read as much and add a delete for verdicts that change.
    refreshed_at is therefore the latest build's on every row.
#}
with

validated_customers as (

    select * from {{ ref('int_customers_validated') }}

),

refused_rows as (

    select * from {{ ref('stg_lake__refused_rows') }}

),

rejected_landed as (

    select
        customer_row_id,
        customer_id,
        batch_id,
        landed_file_name,
        reject_reason,
        cast(null as {{ dbt.type_string() }}) as reject_detail,
        customer_name,
        email,
        city,
        signup_date_raw,
        updated_at_raw,
        cast(null as {{ dbt.type_string() }}) as raw_row,
        cast(null as integer) as line_number,
        ingest_date
    from validated_customers
    where reject_reason is not null

),

refused_at_the_door as (

    select
        refused_row_id as customer_row_id,
        cast(null as {{ dbt.type_string() }}) as customer_id,
        batch_id,
        landed_file_name,
        reject_reason,
        reject_detail,
        cast(null as {{ dbt.type_string() }}) as customer_name,
        cast(null as {{ dbt.type_string() }}) as email,
        cast(null as {{ dbt.type_string() }}) as city,
        cast(null as {{ dbt.type_string() }}) as signup_date_raw,
        cast(null as {{ dbt.type_string() }}) as updated_at_raw,
        raw_row,
        line_number,
        ingest_date
    from refused_rows
    where entity = 'customers'

),

unioned as (

    select * from rejected_landed
    union all
    select * from refused_at_the_door

),

final as (

    select
        *,
        {{ ecom.run_started_timestamp() }} as refreshed_at
    from unioned

)

select * from final
