with

sales as (

    select * from {{ ref('fct_sales') }}

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
        sales_date,
        transaction_count,
        cast(total_revenue as decimal(18, 2)) as total_revenue,
        {{ ecom.money_ratio('total_revenue', 'transaction_count') }} as avg_order_value,
        unique_customers
    from daily

)

select * from final
