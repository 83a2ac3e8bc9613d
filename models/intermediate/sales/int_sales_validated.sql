{#
    Every landed sales line (a line of an order) with the one reason it cannot be used, or null
    when it is good, its line number within the order and its line type. Rules, in the order of
    seed reject_reasons (1-5 are the ingest door's, for rows refused before they landed):
      6. duplicate_row: an exact copy (same order, line number and fields) of a line of the
         order's kept version, in an earlier file or earlier in the same file
      7. missing_required_field (transaction_id, product_id, quantity, amount or
         transaction_date; an empty customer_id is a guest checkout, a sale)
      8. unparseable_transaction_date
      9. transaction_date_out_of_range: dated after the day the file landed (ingest_date) plus
         var max_days_after_landing, or before var min_transaction_date
      10. unparseable_amount, 11. unparseable_quantity
      12. amount_sign_mismatch: a merchandise line whose amount has the opposite sign to its
          quantity (a return is a negative quantity with a negative amount)
      13. amount_out_of_range: |amount| above var max_line_amount, so no sum of the marts'
          decimal(18,2) amounts and no money_ratio can overflow
      14. zero_quantity
      15. unknown_line_type
      16. conflicting_line_number: one file holds one line number of an order twice with
          different content (every copy is rejected)
      17. superseded_version: a line of an order that a later file sent again. An order's
          version is its lines in one file; the latest file (batch, then file name) holding a
          valid line of the order is kept as a set, so a resend replaces the order's lines and
          a line missing from the resend is gone. A resend whose lines are all invalid does not
          replace a valid version.
    A negative quantity is a return, not a reject; a line with no customer_id is a guest's.
    Line type: the landed line_type when the export gives one, else the first of var
    line_type_patterns that matches the product_id, else merchandise.
#}
{{
    config(
        materialized='incremental',
        unique_key='sales_row_id',
        incremental_strategy='merge',
        on_schema_change='fail',
    )
}}
{#
    Incremental: every rule compares a line only with lines of the same order, so a run
    re-decides exactly the orders that new landed files touch (all their lines, old and new)
    and merges the result on sales_row_id; every other line keeps its verdict. A line without
    a transaction_id is missing a required field whatever else lands, so it is decided once,
    when it is staged. A daily run therefore costs one day's orders, not the whole history, and
    ends where a full build ends (tests/python/test_incremental_fct_sales.py).
#}
{#- The fields that, with transaction_id and the line number, make two lines exact copies. -#}
{%- set copy_fields = [
    'customer_id', 'product_id', 'quantity_raw', 'amount_raw', 'transaction_date_raw',
    'line_type_raw', 'original_transaction_id',
] -%}
{%- set line_types = ['merchandise'] + (var('line_type_patterns').keys() | list) -%}
{%- set line_type_list = "'" ~ (line_types | join("', '")) ~ "'" -%}
{#- stg_shop__sales is read where it is used, not through an import CTE: DuckDB materializes
    a CTE read more than once, which copied the whole history to pick a day's orders. New
    lines are those staged after this model's last build. -#}
with

{% if is_incremental() %}

    new_lines as (

        select transaction_id
        from {{ ref('stg_shop__sales') }}
        where refreshed_at > {{ ecom.last_refreshed_at(this) }}

    ),

    sales as (

        -- every line of each order a new line touched
        select staged_sales.*
        from {{ ref('stg_shop__sales') }} as staged_sales
        where staged_sales.transaction_id in (
            select new_lines.transaction_id from new_lines
            where new_lines.transaction_id is not null
        )

        union all

        -- a new line without an order id (its verdict depends on no other line)
        select staged_sales.*
        from {{ ref('stg_shop__sales') }} as staged_sales
        where
            staged_sales.transaction_id is null
            and staged_sales.refreshed_at > {{ ecom.last_refreshed_at(this) }}

    ),

{% else %}

    sales as (

        select * from {{ ref('stg_shop__sales') }}

    ),

{% endif %}

typed as (

    select
        *,
        -- a line without a usable line number is numbered after its order's other such lines
        -- in the file, in the order of their keys (the door numbers lines by their position
        -- in the file; files landed before it did have none)
        coalesce(
            line_number,
            row_number() over (
                partition by landed_file_name, transaction_id, line_number
                order by sales_row_id
            )
        ) as line_no,
        case
            when line_type_raw is not null then line_type_raw
            {%- for line_type, pattern in var('line_type_patterns').items() %}
                when {{ ecom.regexp_full_match('lower(product_id)', pattern) }}
                    then '{{ line_type }}'
            {%- endfor %}
            else 'merchandise'
        end as line_type
    from sales

),

copies_in_file as (

    select
        *,
        row_number() over (
            partition by landed_file_name, transaction_id, line_no, {{ copy_fields | join(', ') }}
            order by sales_row_id
        ) as copy_in_file,
        count(*) over (partition by landed_file_name, transaction_id, line_no)
            as lines_in_slot,
        count(*) over (
            partition by landed_file_name, transaction_id, line_no, {{ copy_fields | join(', ') }}
        ) as copies_in_slot
    from typed

),

row_checked as (

    select
        *,
        case
            when copy_in_file > 1 and lines_in_slot = copies_in_slot then 'duplicate_row'
            when {{ ecom.any_is_null([
                'transaction_id', 'product_id', 'quantity_raw', 'amount_raw',
                'transaction_date_raw',
            ]) }}
                then 'missing_required_field'
            when transaction_at is null then 'unparseable_transaction_date'
            when
                cast(transaction_at as date) > cast(
                    {{ dbt.dateadd('day', var('max_days_after_landing'), 'ingest_date') }} as date
                )
                or cast(transaction_at as date) < cast('{{ var('min_transaction_date') }}' as date)
                then 'transaction_date_out_of_range'
            when amount is null then 'unparseable_amount'
            when quantity is null then 'unparseable_quantity'
            when
                line_type = 'merchandise'
                and ((quantity > 0 and amount < 0) or (quantity < 0 and amount > 0))
                then 'amount_sign_mismatch'
            when abs(amount) > cast({{ var('max_line_amount') }} as {{ ecom.type_money() }})
                then 'amount_out_of_range'
            when quantity = 0 then 'zero_quantity'
            when line_type not in ({{ line_type_list }}) then 'unknown_line_type'
            when lines_in_slot > copies_in_slot then 'conflicting_line_number'
        end as row_reject_reason
    from copies_in_file

),

versions_ranked as (

    -- rank 1: the lines of the order's latest file that holds a valid line of it
    select
        *,
        dense_rank() over (
            partition by transaction_id, row_reject_reason
            order by batch_id desc, landed_file_name desc
        ) as version_rank
    from row_checked

),

kept_copies as (

    select
        *,
        max(case when row_reject_reason is null and version_rank = 1 then 1 else 0 end) over (
            partition by transaction_id, line_no, {{ copy_fields | join(', ') }}
        ) as has_kept_copy
    from versions_ranked

),

final as (

    select
        sales_row_id,
        transaction_id,
        cast(line_no as integer) as line_number,
        customer_id,
        product_id,
        cast(line_type as {{ dbt.type_string() }}) as line_type,
        original_transaction_id,
        batch_id,
        landed_file_name,
        quantity_raw,
        amount_raw,
        transaction_date_raw,
        coalesce(
            row_reject_reason,
            case
                when version_rank > 1 and has_kept_copy = 1 then 'duplicate_row'
                when version_rank > 1 then 'superseded_version'
            end
        ) as reject_reason,
        quantity,
        amount,
        ingest_date,
        transaction_at,
        {{ ecom.run_started_timestamp() }} as refreshed_at
    from kept_copies

)

select * from final
