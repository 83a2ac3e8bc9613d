{{
    config(
        pre_hook="{{ ecom.create_customer_scores() }}",
        group='customers',
        meta={'owner': 'customer-analytics@example.com'},
    )
}}
{#
    One row per scored customer, 1:1 with the scores table the prediction step of `ecom run`
    writes after the build (see the `predictions` source). A view: the scores written after
    this build are read as soon as they are written. The pre-hook creates the table, empty,
    on the first build.
#}
with

source as (

    select * from {{ source('predictions', 'customer_scores') }}

),

final as (

    select
        cast(customer_id as {{ ecom.type_text() }}) as customer_id,
        cast(risk_band as {{ ecom.type_text() }}) as risk_band,
        cast(model_version as {{ ecom.type_text() }}) as model_version,
        cast(buy_probability as decimal(9, 4)) as buy_probability,
        cast(expected_orders as decimal(18, 2)) as expected_orders,
        cast(expected_net_sales as {{ ecom.type_money() }}) as expected_net_sales,
        cast(orders_last_90_days as integer) as orders_last_90_days,
        cast(net_sales_last_90_days as {{ ecom.type_money() }}) as net_sales_last_90_days,
        cast(days_since_last_order as integer) as days_since_last_order,
        cast(horizon_days as integer) as horizon_days,
        cast(last_order_date as date) as last_order_date,
        cast(as_of_date as date) as as_of_date,
        cast(training_cutoff_date as date) as training_cutoff_date,
        cast(scored_at as {{ dbt.type_timestamp() }}) as scored_at
    from source

)

select * from final
