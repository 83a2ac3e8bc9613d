{#
    One row per day with sales: the day's headline numbers. A customer is new on the day of
    their first transaction in fct_sales and returning on any later day they buy
    (unique_customers = new_customers + returning_customers).
#}
with

sales as (

    select * from {{ ref('fct_sales') }}

),

first_orders as (

    select
        customer_id,
        min(transaction_date) as first_order_date
    from sales
    group by customer_id

),

new_per_day as (

    select
        first_order_date as sales_date,
        count(*) as new_customers
    from first_orders
    group by first_order_date

),

daily as (

    select
        transaction_date as sales_date,
        count(*) as transaction_count,
        sum(amount) as total_revenue,
        count(distinct customer_id) as unique_customers
    from sales
    group by transaction_date

),

final as (

    select
        daily.sales_date,
        cast(daily.transaction_count as integer) as transaction_count,
        cast(daily.total_revenue as {{ ecom.type_money() }}) as total_revenue,
        {{ ecom.money_ratio('daily.total_revenue', 'daily.transaction_count') }}
            as avg_order_value,
        cast(daily.unique_customers as integer) as unique_customers,
        cast(coalesce(new_per_day.new_customers, 0) as integer) as new_customers,
        cast(
            daily.unique_customers - coalesce(new_per_day.new_customers, 0) as integer
        ) as returning_customers
    from daily
    left join new_per_day
        on daily.sales_date = new_per_day.sales_date

)

select * from final
