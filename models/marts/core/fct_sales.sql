{%- set on_athena = target.type == 'athena' -%}
{{
    config(
        materialized='incremental',
        incremental_strategy='merge' if on_athena else 'delete+insert',
        unique_key='sales_row_id' if on_athena else 'transaction_id',
        delete_condition='src.transaction_at is null',
        insert_condition='src.transaction_at is not null',
        update_condition='src.transaction_at is not null',
        on_schema_change='fail',
        partitioned_by=['day(transaction_date)'],
        incremental_predicates=ecom.fct_sales_merge_predicates(),
        dist='customer_id',
        sort=['transaction_at'],
    )
}}
{#
    Athena: by day, so a daily merge prunes to the days it changes. A statement writes at most
    100 partitions: a full refresh of a longer history (or a merge of more days) is refused and
    dbt-athena writes it 100 days at a time (partitions_limit, default 100). force_batch stays
    off: with it an incremental run with no rows fails (dbt-labs/dbt-adapters#437). Checked
    offline on 1,000 days: tests/python/test_portability_executed.py.
#}
{#
    One row per kept line of an order: the lines of each order's kept version (see
    int_sales_validated), whatever their type (merchandise, shipping, fee, discount, voucher,
    adjustment) and sign (a negative quantity is a return).
    Incremental: a build replaces, as a set, the lines of every order int_sales_validated
    re-decided since fct_sales was last refreshed (refreshed_at), whatever its date, so a
    resent order's lines replace the old ones and a line missing from the resend is gone.
    DuckDB, PostgreSQL and Redshift delete the order's lines and insert the kept ones in one
    transaction (delete+insert on transaction_id). Athena's Iceberg MERGE has no delete+insert:
    it merges on sales_row_id, and every line of a re-decided order that is no longer kept
    arrives as a tombstone (transaction_at null) that delete_condition removes and
    insert_condition keeps out, in one statement.
    A return line is linked to the order it returns (original_transaction_id, return_match):
    the order the export names; else its own order when that order also sold the product (a
    cancelled line); else the customer's latest earlier order with a sale of the product;
    else it is an unmatched return. A customer's returns matched the third way (or not at all)
    are matched again whenever one of the customer's orders is re-decided.
#}
with

{% if is_incremental() %}

    redecided as (

        {{ ecom.sales_changed_since(this) }}

    ),

    -- the orders of returns matched by customer and product (or unmatched) whose customer has
    -- a re-decided order: a resend that drops the matched line, or a late order that is now
    -- the latest earlier sale, changes their match, so they are matched again
    rematched_orders as (

        select distinct transaction_id
        from {{ this }}
        where
            is_return
            and return_match in ('customer_product', 'unmatched')
            and not is_guest
            and customer_id in (
                select redecided.customer_id from redecided
                where redecided.customer_id is not null
            )
            and transaction_id not in (
                -- a line without an order id is re-decided too: a null here would match nothing
                select redecided.transaction_id from redecided
                where redecided.transaction_id is not null
            )

    ),

    validated_sales as (

        select * from redecided

        union all

        select validated.*
        from {{ ref('int_sales_validated') }} as validated
        where validated.transaction_id in (select transaction_id from rematched_orders)

    ),

{% else %}

    validated_sales as (

        select * from {{ ref('int_sales_validated') }}

    ),

{% endif %}

kept_sales as (

    select
        *,
        -- the guest member's id is reserved: a line that names it is a guest's too
        coalesce(customer_id = '{{ var('guest_customer_id') }}', true) as is_guest,
        -- goods taken back; a negative postage or fee line is a refund of it, in its own column
        quantity < 0 and line_type = 'merchandise' as is_return
    from validated_sales
    where reject_reason is null

),

-- the sales a return can be matched to: the kept lines of this build and, on an incremental
-- build, the kept lines already in fct_sales of the returning customers
sold_lines as (

    select
        transaction_id,
        customer_id,
        product_id,
        transaction_at
    from kept_sales
    where quantity > 0 and line_type = 'merchandise'

    {% if is_incremental() %}
        union all

        select transaction_id, customer_id, product_id, transaction_at
        from {{ this }}
        where
            quantity > 0
            and line_type = 'merchandise'
            and not is_guest
            and customer_id in (
                select kept_sales.customer_id from kept_sales
                where kept_sales.is_return and kept_sales.original_transaction_id is null
            )
            and transaction_id not in (select kept_sales.transaction_id from kept_sales)
    {% endif %}

),

returns_to_match as (

    select
        sales_row_id,
        transaction_id,
        customer_id,
        is_guest,
        product_id,
        transaction_at
    from kept_sales
    where is_return and original_transaction_id is null

),

same_order_matches as (

    select distinct returns_to_match.sales_row_id
    from returns_to_match
    inner join sold_lines
        on
            returns_to_match.transaction_id = sold_lines.transaction_id
            and returns_to_match.product_id = sold_lines.product_id

),

customer_product_candidates as (

    select
        returns_to_match.sales_row_id,
        sold_lines.transaction_id as original_transaction_id,
        row_number() over (
            partition by returns_to_match.sales_row_id
            order by sold_lines.transaction_at desc, sold_lines.transaction_id desc
        ) as recency
    from returns_to_match
    inner join sold_lines
        on
            -- a guest's return can only be matched within its own order
            not returns_to_match.is_guest
            and returns_to_match.customer_id = sold_lines.customer_id
            and returns_to_match.product_id = sold_lines.product_id
            and returns_to_match.transaction_at >= sold_lines.transaction_at
            and returns_to_match.transaction_id <> sold_lines.transaction_id
    where
        returns_to_match.sales_row_id not in (
            select same_order_matches.sales_row_id from same_order_matches
        )

),

matched as (

    select
        kept_sales.*,
        case
            when not kept_sales.is_return then null
            when kept_sales.original_transaction_id is not null then 'declared'
            when same_order_matches.sales_row_id is not null then 'same_order'
            when customer_product.original_transaction_id is not null then 'customer_product'
            else 'unmatched'
        end as return_match,
        case
            when not kept_sales.is_return then null
            when kept_sales.original_transaction_id is not null
                then kept_sales.original_transaction_id
            when same_order_matches.sales_row_id is not null then kept_sales.transaction_id
            else customer_product.original_transaction_id
        end as matched_transaction_id
    from kept_sales
    left join same_order_matches
        on kept_sales.sales_row_id = same_order_matches.sales_row_id
    left join customer_product_candidates as customer_product
        on
            kept_sales.sales_row_id = customer_product.sales_row_id
            and customer_product.recency = 1

),

final as (

    -- explicit types, spelled as in the contract: an incremental run compares the new rows' types
    -- with the table's (on_schema_change='fail'), and engines infer text vs varchar differently
    select
        cast(sales_row_id as {{ ecom.type_text() }}) as sales_row_id,
        cast(transaction_id as {{ ecom.type_text() }}) as transaction_id,
        cast(line_number as integer) as line_number,
        cast(
            case when is_guest then '{{ var('guest_customer_id') }}' else customer_id end
            as {{ ecom.type_text() }}
        ) as customer_id,
        is_guest,
        cast(product_id as {{ ecom.type_text() }}) as product_id,
        cast(line_type as {{ ecom.type_text() }}) as line_type,
        is_return,
        amount = 0 as is_zero_price,
        cast(matched_transaction_id as {{ ecom.type_text() }}) as original_transaction_id,
        cast(return_match as {{ ecom.type_text() }}) as return_match,
        cast(batch_id as {{ ecom.type_text() }}) as batch_id,
        cast(landed_file_name as {{ ecom.type_text() }}) as landed_file_name,
        cast(quantity as integer) as quantity,
        cast(amount as {{ ecom.type_money() }}) as amount,
        -- a return's unit price is positive (its amount and quantity are both negative); a
        -- discount's is negative. money_ratio rounds half up for non-negative values only.
        -- cast again: a negated decimal(18,2) is a plain numeric on PostgreSQL
        cast(
            case
                when (amount < 0) = (quantity < 0)
                    then {{ ecom.money_ratio('abs(amount)', 'abs(quantity)') }}
                else -{{ ecom.money_ratio('abs(amount)', 'abs(quantity)') }}
            end as {{ ecom.type_money() }}
        ) as unit_price,
        cast(transaction_at as date) as transaction_date,
        cast(ingest_date as date) as ingest_date,
        cast(transaction_at as {{ dbt.type_timestamp() }}) as transaction_at,
        {{ ecom.run_started_timestamp() }} as refreshed_at
    from matched

    {% if on_athena and is_incremental() %}
        union all

        -- the lines of re-decided orders that are no longer kept: removed by the merge
        select
            cast(sales_row_id as {{ ecom.type_text() }}) as sales_row_id,
            cast(transaction_id as {{ ecom.type_text() }}) as transaction_id,
            cast(null as integer) as line_number,
            cast(null as {{ ecom.type_text() }}) as customer_id,
            cast(null as boolean) as is_guest,
            cast(null as {{ ecom.type_text() }}) as product_id,
            cast(null as {{ ecom.type_text() }}) as line_type,
            cast(null as boolean) as is_return,
            cast(null as boolean) as is_zero_price,
            cast(null as {{ ecom.type_text() }}) as original_transaction_id,
            cast(null as {{ ecom.type_text() }}) as return_match,
            cast(null as {{ ecom.type_text() }}) as batch_id,
            cast(null as {{ ecom.type_text() }}) as landed_file_name,
            cast(null as integer) as quantity,
            cast(null as {{ ecom.type_money() }}) as amount,
            cast(null as {{ ecom.type_money() }}) as unit_price,
            cast(null as date) as transaction_date,
            cast(null as date) as ingest_date,
            cast(null as {{ dbt.type_timestamp() }}) as transaction_at,
            {{ ecom.run_started_timestamp() }} as refreshed_at
        from validated_sales
        where reject_reason is not null and transaction_id is not null
    {% endif %}

)

select * from final
{{ ecom.cluster_by(['transaction_date', 'transaction_id']) }}
