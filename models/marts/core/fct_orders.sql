{{
    config(
        materialized='incremental',
        incremental_strategy='merge' if target.type == 'athena' else 'delete+insert',
        unique_key='transaction_id',
        on_schema_change='fail',
        partitioned_by=['month(order_date)'],
        incremental_predicates=ecom.fct_sales_merge_predicates('order_date'),
        dist='customer_id',
        sort=['order_at'],
    )
}}
-- depends_on: {{ ref('int_sales_validated') }}
{#
    One row per order (transaction_id) with a kept line: its lines summed by what they are.
    Money, as a shop's finance team and Shopify's reports read it:
      gross_sales  merchandise lines sold (quantity > 0)
      discounts    discount and voucher lines, as a positive amount taken off
      returns      merchandise lines returned (quantity < 0), as a positive amount
      net_sales    gross_sales - discounts - returns
      shipping     shipping lines; fees: fee and adjustment lines (either sign)
      total_sales  net_sales + shipping + fees: every line of the order
    An order with a merchandise line sold counts as an order (is_order): a credit note that
    only returns goods is not one, its lines count as returns on its own date.
    Incremental: a build recomputes the orders int_sales_validated re-decided since its last
    refresh from their lines in fct_sales (already rebuilt) and replaces them (delete+insert;
    a merge on Athena, where an order never loses all its lines: a resend whose lines are all
    invalid keeps the earlier version).
#}
with

sales as (

    select * from {{ ref('fct_sales') }}
    {% if is_incremental() %}
        where transaction_id in (
            select transaction_id from {{ ref('int_sales_validated') }}
            where refreshed_at > {{ ecom.last_refreshed_at(this) }}
        )
    {% endif %}

),

lines as (

    select
        *,
        case when line_type = 'merchandise' then amount else 0 end as merchandise_amount,
        case when line_type = 'merchandise' then quantity else 0 end as merchandise_units
    from sales

),

final as (

    select
        cast(transaction_id as {{ ecom.type_text() }}) as transaction_id,
        -- an order with lines of a known customer and guest lines is the customer's
        cast(coalesce(
            max(case when not is_guest then customer_id end), max(customer_id)
        ) as {{ ecom.type_text() }}) as customer_id,
        min(case when is_guest then 1 else 0 end) = 1 as is_guest,
        cast(min(transaction_at) as {{ dbt.type_timestamp() }}) as order_at,
        cast(min(transaction_date) as date) as order_date,
        cast(count(*) as integer) as line_count,
        cast(sum(case when merchandise_units > 0 then merchandise_units else 0 end) as integer)
            as units_sold,
        cast(-sum(case when merchandise_units < 0 then merchandise_units else 0 end) as integer)
            as units_returned,
        cast(
            sum(case when quantity > 0 then merchandise_amount else 0 end)
            as {{ ecom.type_money() }}
        ) as gross_sales,
        cast(
            -sum(case when line_type in ('discount', 'voucher') then amount else 0 end)
            as {{ ecom.type_money() }}
        ) as discounts,
        cast(
            -sum(case when quantity < 0 then merchandise_amount else 0 end)
            as {{ ecom.type_money() }}
        ) as returns,
        cast(sum(
            case when line_type in ('merchandise', 'discount', 'voucher') then amount else 0 end
        ) as {{ ecom.type_money() }}) as net_sales,
        cast(
            sum(case when line_type = 'shipping' then amount else 0 end)
            as {{ ecom.type_money() }}
        ) as shipping,
        cast(
            sum(case when line_type in ('fee', 'adjustment') then amount else 0 end)
            as {{ ecom.type_money() }}
        ) as fees,
        cast(sum(amount) as {{ ecom.type_money() }}) as total_sales,
        max(case when merchandise_units > 0 then 1 else 0 end) = 1 as is_order,
        max(case when merchandise_units < 0 then 1 else 0 end) = 1 as has_return,
        {{ ecom.run_started_timestamp() }} as refreshed_at
    from lines
    group by transaction_id

)

select * from final
{{ ecom.cluster_by(['order_date', 'transaction_id']) }}
