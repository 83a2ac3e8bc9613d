{{ config(materialized='view') }}
{#
    Every kept line of fct_sales with what the reports look up for it, joined once here: the
    customer as they were at the time of the sale (the dim_customers version valid at
    transaction_at), the product (dim_products) and the calendar day (dim_date). One row per
    line: a customer's versions leave no gap and do not overlap, and every product and
    sales date has its dimension row (inferred members, the guest member), which the tests on
    this model check. The money of a line split the way fct_orders sums it (gross_amount,
    returned_amount, discount_amount, net_amount), so every report splits it the same way.
    A view, not a table: the reports read it for a few days on a daily build (their day filter
    on transaction_date reaches fct_sales' scan), and a table would be the whole history
    joined again on every build.
#}
with

sales as (

    select * from {{ ref('fct_sales') }}

),

customers as (

    select * from {{ ref('dim_customers') }}

),

products as (

    select * from {{ ref('dim_products') }}

),

calendar as (

    select * from {{ ref('dim_date') }}

),

final as (

    select
        sales.sales_row_id,
        sales.transaction_id,
        sales.line_number,
        sales.customer_id,
        sales.is_guest,
        sales.product_id,
        sales.line_type,
        sales.line_type = 'merchandise' as is_merchandise,
        sales.is_return,
        customers.customer_key,
        customers.customer_name,
        customers.city,
        products.product_name,
        products.category,
        sales.quantity,
        sales.unit_price,
        sales.amount,
        case
            when sales.line_type = 'merchandise' and sales.quantity > 0 then sales.quantity
            else 0
        end as units_sold,
        case
            when sales.line_type = 'merchandise' and sales.quantity < 0 then -sales.quantity
            else 0
        end as units_returned,
        case
            when sales.line_type = 'merchandise' and sales.quantity > 0 then sales.amount
            else 0
        end as gross_amount,
        case
            when sales.line_type = 'merchandise' and sales.quantity < 0 then -sales.amount
            else 0
        end as returned_amount,
        case
            when sales.line_type in ('discount', 'voucher') then -sales.amount
            else 0
        end as discount_amount,
        case
            when sales.line_type in ('merchandise', 'discount', 'voucher') then sales.amount
            else 0
        end as net_amount,
        calendar.day_of_week,
        customers.is_inferred as is_customer_inferred,
        products.is_inferred as is_product_inferred,
        sales.transaction_date,
        calendar.week_start_date,
        calendar.month_start_date,
        sales.transaction_at
    from sales
    left join customers
        on
            sales.customer_id = customers.customer_id
            and sales.transaction_at >= customers.valid_from
            and sales.transaction_at < customers.valid_to
    left join products
        on sales.product_id = products.product_id
    left join calendar
        on sales.transaction_date = calendar.date_day

)

select * from final
