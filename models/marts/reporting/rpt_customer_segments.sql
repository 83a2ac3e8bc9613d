{#
    RFM segmentation of every customer in rpt_customer_lifetime_value.

    Scores 1..5 are tie-aware quintiles (macros/utils/tie_aware_quintile.sql): customers are
    ordered from worst to best on each measure and equal values share the quintile of their
    middle position, score = 1 + floor(5 * (worse + ties / 2) / customers); the worst value
    always scores 1 and the best 5, however many customers share it (one-order customers are
    F = 1, buyers on the latest day R = 5). Unlike ntile(5), equal values never get different
    scores.
      recency   R: days_since_last_order, fewer is better
      frequency F: order_count, more is better
      monetary  M: lifetime_value, more is better
    Segments, first rule that matches (names and suggested actions in seed rfm_segments):
      champions           R >= 4 and F >= 4 and M >= 4
      loyal_customers     R >= 3 and F >= 4
      potential_loyalists R >= 4 and F in (2, 3)
      new_customers       R >= 4 and F = 1
      needs_attention     R = 3  and F <= 3
      at_risk             R <= 2 and F >= 4
      hibernating         R <= 2 and F in (2, 3)
      lost                R <= 2 and F = 1
#}

with

lifetime_value as (

    select * from {{ ref('rpt_customer_lifetime_value') }}

),

segments as (

    select * from {{ ref('rfm_segments') }}

),

positioned as (

    -- for each measure: customers strictly worse, and customers with the same value
    select
        customer_id,
        customer_name,
        city,
        days_since_last_order,
        order_count,
        lifetime_value,
        is_inferred,
        last_order_date,
        count(*) over () as customer_count,
        rank() over (order by days_since_last_order desc) - 1 as recency_worse,
        count(*) over (partition by days_since_last_order) as recency_ties,
        rank() over (order by order_count asc) - 1 as frequency_worse,
        count(*) over (partition by order_count) as frequency_ties,
        rank() over (order by lifetime_value asc) - 1 as monetary_worse,
        count(*) over (partition by lifetime_value) as monetary_ties
    from lifetime_value

),

scored as (

    select
        *,
        {{ ecom.tie_aware_quintile(
            'recency_worse', 'recency_ties', 'customer_count'
        ) }} as recency_score,
        {{ ecom.tie_aware_quintile(
            'frequency_worse', 'frequency_ties', 'customer_count'
        ) }} as frequency_score,
        {{ ecom.tie_aware_quintile(
            'monetary_worse', 'monetary_ties', 'customer_count'
        ) }} as monetary_score
    from positioned

),

segmented as (

    select
        *,
        case
            when recency_score >= 4 and frequency_score >= 4 and monetary_score >= 4
                then 'champions'
            when recency_score >= 3 and frequency_score >= 4 then 'loyal_customers'
            when recency_score >= 4 and frequency_score >= 2 then 'potential_loyalists'
            when recency_score >= 4 then 'new_customers'
            when recency_score = 3 then 'needs_attention'
            when frequency_score >= 4 then 'at_risk'
            when frequency_score >= 2 then 'hibernating'
            else 'lost'
        end as segment_code
    from scored

),

final as (

    select
        segmented.customer_id,
        cast(segmented.segment_code as {{ dbt.type_string() }}) as segment_code,
        cast(segments.segment_name as {{ dbt.type_string() }}) as segment_name,
        segmented.customer_name,
        segmented.city,
        cast({{ dbt.concat([
            dbt.cast('segmented.recency_score', dbt.type_string()),
            dbt.cast('segmented.frequency_score', dbt.type_string()),
            dbt.cast('segmented.monetary_score', dbt.type_string()),
        ]) }} as {{ dbt.type_string() }}) as rfm_score,
        cast(segmented.recency_score as integer) as recency_score,
        cast(segmented.frequency_score as integer) as frequency_score,
        cast(segmented.monetary_score as integer) as monetary_score,
        cast(segmented.days_since_last_order as integer) as days_since_last_order,
        cast(segmented.order_count as integer) as order_count,
        cast(segmented.lifetime_value as {{ ecom.type_money() }}) as lifetime_value,
        segmented.is_inferred,
        segmented.last_order_date
    from segmented
    left join segments
        on segmented.segment_code = segments.segment_code

)

select * from final
