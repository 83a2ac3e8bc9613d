{#
    Products ranked by revenue per day, per ISO week (starting Monday) and per calendar month:
    one row per period and product that sold in it. revenue_rank orders all products of the
    period, category_revenue_rank the products of the same category (for drill-down). Ties
    are broken by units sold, then product_id, so ranks are unique and stable; filter
    revenue_rank <= 10 for a top 10.
#}
with

sales as (

    select * from {{ ref('fct_sales') }}

),

products as (

    select * from {{ ref('dim_products') }}

),

calendar as (

    select * from {{ ref('dim_date') }}

),

sales_in_periods as (

    select
        sales.product_id,
        sales.quantity,
        sales.amount,
        sales.transaction_date,
        calendar.week_start_date,
        calendar.month_start_date
    from sales
    inner join calendar
        on sales.transaction_date = calendar.date_day

),

per_period as (

    select
        'day' as period_type,
        transaction_date as period_start_date,
        transaction_date as period_end_date,
        product_id,
        count(*) as transaction_count,
        sum(quantity) as units_sold,
        sum(amount) as revenue
    from sales_in_periods
    group by transaction_date, product_id

    union all

    select
        'week' as period_type,
        week_start_date as period_start_date,
        cast({{ dbt.dateadd('day', 6, 'week_start_date') }} as date) as period_end_date,
        product_id,
        count(*) as transaction_count,
        sum(quantity) as units_sold,
        sum(amount) as revenue
    from sales_in_periods
    group by week_start_date, product_id

    union all

    select
        'month' as period_type,
        month_start_date as period_start_date,
        cast({{ dbt.last_day('month_start_date', 'month') }} as date) as period_end_date,
        product_id,
        count(*) as transaction_count,
        sum(quantity) as units_sold,
        sum(amount) as revenue
    from sales_in_periods
    group by month_start_date, product_id

),

with_product as (

    select
        per_period.*,
        products.product_name,
        products.category
    from per_period
    inner join products
        on per_period.product_id = products.product_id

),

ranked as (

    select
        *,
        row_number() over (
            partition by period_type, period_start_date
            order by revenue desc, units_sold desc, product_id asc
        ) as revenue_rank,
        row_number() over (
            partition by period_type, period_start_date, category
            order by revenue desc, units_sold desc, product_id asc
        ) as category_revenue_rank
    from with_product

),

final as (

    select
        cast({{ dbt.concat([
            'period_type', "'|'",
            dbt.cast('period_start_date', dbt.type_string()), "'|'",
            'product_id',
        ]) }} as {{ dbt.type_string() }}) as top_product_id,
        cast(product_id as {{ dbt.type_string() }}) as product_id,
        cast(period_type as {{ dbt.type_string() }}) as period_type,
        cast(product_name as {{ dbt.type_string() }}) as product_name,
        cast(category as {{ dbt.type_string() }}) as category,
        cast(revenue_rank as integer) as revenue_rank,
        cast(category_revenue_rank as integer) as category_revenue_rank,
        cast(transaction_count as integer) as transaction_count,
        cast(units_sold as integer) as units_sold,
        cast(revenue as {{ ecom.type_money() }}) as revenue,
        period_start_date,
        period_end_date
    from ranked

)

select * from final
