{#
    Every sales line that arrived and is not in fct_sales, with the reason (codes in seed
    reject_reasons):
      * lines the ingest door refused (stg_lake__refused_rows): they never landed, so they have
        no parsed fields, only the door's reason and detail, the line number and the raw line;
      * landed lines with the rule int_sales_validated applied; a valid line that the
        incremental fct_sales has not merged because its transaction date was older than the
        lookback window when it landed is outside_lookback_window (a --full-refresh moves it
        into fct_sales). A line counts as used when fct_sales holds it, so fct_sales and this
        model together account for every line that arrived exactly once.
#}
with

validated_sales as (

    select * from {{ ref('int_sales_validated') }}

),

loaded_sales as (

    select sales_row_id from {{ ref('fct_sales') }}

),

refused_rows as (

    select * from {{ ref('stg_lake__refused_rows') }}

),

rejected_landed as (

    select
        validated_sales.sales_row_id,
        validated_sales.transaction_id,
        validated_sales.customer_id,
        validated_sales.product_id,
        validated_sales.batch_id,
        validated_sales.landed_file_name,
        coalesce(validated_sales.reject_reason, 'outside_lookback_window') as reject_reason,
        cast(null as {{ dbt.type_string() }}) as reject_detail,
        validated_sales.quantity_raw,
        validated_sales.amount_raw,
        validated_sales.transaction_date_raw,
        cast(null as {{ dbt.type_string() }}) as raw_row,
        cast(null as integer) as line_number,
        validated_sales.ingest_date
    from validated_sales
    left join loaded_sales
        on validated_sales.sales_row_id = loaded_sales.sales_row_id
    where loaded_sales.sales_row_id is null

),

refused_at_the_door as (

    select
        refused_row_id as sales_row_id,
        cast(null as {{ dbt.type_string() }}) as transaction_id,
        cast(null as {{ dbt.type_string() }}) as customer_id,
        cast(null as {{ dbt.type_string() }}) as product_id,
        batch_id,
        landed_file_name,
        reject_reason,
        reject_detail,
        cast(null as {{ dbt.type_string() }}) as quantity_raw,
        cast(null as {{ dbt.type_string() }}) as amount_raw,
        cast(null as {{ dbt.type_string() }}) as transaction_date_raw,
        raw_row,
        line_number,
        ingest_date
    from refused_rows
    where entity = 'sales'

),

final as (

    select * from rejected_landed
    union all
    select * from refused_at_the_door

)

select * from final
