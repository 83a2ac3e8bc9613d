{#-
    The product reports' read of the sales: the merchandise lines of `sales` (the view
    int_sales_enriched), of the days the query `on_dates` returns when one is given (an
    incremental build's touched days). The day filter on the view reaches fct_sales' scan.
-#}
{% macro merchandise_sales(sales, on_dates=none) -%}
    select * from {{ sales }}
    where
        is_merchandise
        {%- if on_dates is not none %}
        and transaction_date in ({{ on_dates }})
        {%- endif %}
{%- endmacro %}

{#-
    What a product report sums over a group of merchandise lines, as int_sales_enriched splits
    a line's money: orders with a unit sold, units sold and returned, gross sales, returns and
    net sales (`revenue`).
-#}
{% macro merchandise_sums() -%}
    count(distinct case when units_sold > 0 then transaction_id end) as order_count,
    sum(units_sold) as units_sold,
    sum(units_returned) as units_returned,
    sum(gross_amount) as gross_sales,
    sum(returned_amount) as returns,
    sum(net_amount) as revenue
{%- endmacro %}
