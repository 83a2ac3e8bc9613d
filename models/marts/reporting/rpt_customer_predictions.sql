{{
    config(
        materialized='view',
        group='customers',
        meta={'owner': 'customer-analytics@example.com'},
    )
}}
{#
    One row per known customer who has ordered, as of the last sales date: the prediction
    step's scores for the next 90 days (buy-again probability, expected orders and net sales,
    churn-risk band) with the customer's current attributes. Guests are left out: they are no
    customer to follow. A view over the scores the step writes after the build, so it shows
    the latest scores as soon as they are written (docs/predictions.md).

    At risk: high churn risk, yet ordered in the last 90 days; the customers a retention offer
    can still reach.
#}
with

scores as (

    select * from {{ ref('stg_predictions__customer_scores') }}

),

customers as (

    select * from {{ ref('dim_customers') }}
    where is_current and not is_guest

),

final as (

    select
        scores.customer_id,
        customers.customer_name,
        customers.email,
        customers.city,
        scores.risk_band,
        scores.model_version,
        scores.buy_probability,
        scores.expected_orders,
        scores.expected_net_sales,
        scores.orders_last_90_days,
        scores.net_sales_last_90_days,
        scores.days_since_last_order,
        scores.horizon_days,
        scores.risk_band = 'high' and scores.orders_last_90_days > 0 as is_at_risk,
        scores.last_order_date,
        scores.as_of_date,
        scores.training_cutoff_date,
        scores.scored_at
    from scores
    inner join customers
        on scores.customer_id = customers.customer_id

)

select * from final
