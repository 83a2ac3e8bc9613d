{#
    What the incremental reports share. A report that is built incrementally recomputes whole
    keys (a day, a period, a customer): on a daily build it computes the keys the new data
    touched and *appends* them (incremental_strategy='append', the one strategy every target
    has for these tables, Athena Iceberg included); its post_hook then deletes the rows of the
    same keys written by earlier builds (refreshed_at before this build's). A key that lost all
    its sales (a day whose only transaction moved to another day) is thereby deleted too: it
    is touched, the build writes nothing for it, and its old rows go.

    The main query and the post_hook must agree on the touched keys. Both compute them from the
    report's watermark: the main query as its latest refreshed_at before it appends
    (ecom.last_refreshed_at), the post_hook as the latest refreshed_at older than this build
    (ecom.last_refreshed_at with before_this_run), which is the same value since the append adds only rows of
    this build. On PostgreSQL, Redshift and DuckDB the append and the delete are one
    transaction; on Athena a build killed between them leaves both versions of the touched
    keys, and the reports' unique tests fail loudly rather than the report being wrong quietly.
#}

{#- The days of the sales lines int_sales_validated re-decided after `watermark`. -#}
{% macro sales_dates_changed_after(watermark) %}
    {{- return(
        "select distinct cast(transaction_at as date) as sales_date from "
        ~ ref('int_sales_validated')
        ~ " where refreshed_at > " ~ watermark ~ " and transaction_at is not null"
    ) -}}
{% endmacro %}

{#- The customers of the sales lines int_sales_validated re-decided after `watermark`. -#}
{% macro customers_changed_after(watermark) %}
    {{- return(
        "select distinct customer_id from " ~ ref('int_sales_validated')
        ~ " where refreshed_at > " ~ watermark ~ " and customer_id is not null"
    ) -}}
{% endmacro %}

{#-
    The post_hook of an incremental report: delete the rows earlier builds wrote for the keys
    this build recomputed (`keys_condition`, over the report's columns). Rendered only when the
    build is incremental: a first or --full-refresh build wrote every row itself. (A unit
    test's `this` is none or its fixture's name: nothing to delete.)
-#}
{% macro delete_superseded_rows(relation, keys_condition) %}
    {%- if relation is not none and relation is not string and ecom.is_incremental() -%}
        delete from {{ relation }}
        where
            refreshed_at < {{ ecom.run_started_timestamp() }}
            and ({{ keys_condition }})
    {%- endif -%}
{% endmacro %}

{#-
    rpt_daily_sales_summary's touched days: the days of the changed lines, and the day a
    customer's first order was on before, when a changed line may have moved it: a late sale
    or a moved transaction can make an earlier day (or a later one) their first, and
    new_customers changes on both days. That needs a customer with a changed line dated on or
    before their first order now (int_customer_orders, already rebuilt): for any other
    customer, every version of every changed line is later than their first order, which
    therefore is the same before and after. For those few customers (new ones, mostly) the
    day is their first order outside the changed days (every version of a changed order is
    dated on a changed day, so outside them their orders are the same before and after; a
    credit note is not an order, so a return dated before a customer's first order is not
    their first day).
    Checking every changed customer's history instead touched the first day of thousands of
    customers: every day of the history, every day.
-#}
{% macro daily_summary_dates(watermark) %}
    {%- set changed_dates = ecom.sales_dates_changed_after(watermark) -%}
    {%- set first_order_may_move -%}
        select changed.customer_id
        from {{ ref('int_sales_validated') }} as changed
        inner join {{ ref('int_customer_orders') }} as orders
            on changed.customer_id = orders.customer_id
        where
            changed.refreshed_at > {{ watermark }}
            and changed.customer_id is not null
            and cast(changed.transaction_at as date) <= orders.first_order_date
    {%- endset -%}
    {{- return(
        changed_dates
        ~ " union select min(order_date) as sales_date from " ~ ref('fct_orders')
        ~ " where is_order and customer_id in (" ~ first_order_may_move ~ ")"
        ~ " and order_date not in (" ~ changed_dates ~ ") group by customer_id"
    ) -}}
{% endmacro %}

{#-
    int_product_sales_days' touched days: the changed days, and every day a product sold on
    whose name or category in dim_products differs from the one `relation` (the model) holds
    for it, among its rows refreshed up to `watermark`. The reports that show a product's
    current name or category learn from this model's refreshed rows which days to recompute.
-#}
{% macro product_days_touched(relation, watermark) %}
    {%- set renamed_product_days -%}
        select reported.sales_date
        from {{ relation }} as reported
        inner join {{ ref('dim_products') }} as products
            on reported.product_id = products.product_id
        where
            reported.refreshed_at <= {{ watermark }}
            and (
                coalesce(reported.product_name, '') <> coalesce(products.product_name, '')
                or coalesce(reported.category, '') <> coalesce(products.category, '')
            )
    {%- endset -%}
    {{- return(ecom.sales_dates_changed_after(watermark) ~ " union " ~ renamed_product_days) -}}
{% endmacro %}

{#-
    The days a report that shows products' current names and categories recomputes: the
    changed days, and the days int_product_sales_days recomputed after `watermark` (its rows
    refreshed after it), which include every day a renamed or re-categorised product sold on.
    The caller depends on int_sales_validated and int_product_sales_days.
-#}
{% macro product_report_dates(watermark) %}
    {{- return(
        ecom.sales_dates_changed_after(watermark)
        ~ " union select sales_date from " ~ ref('int_product_sales_days')
        ~ " where refreshed_at > " ~ watermark
    ) -}}
{% endmacro %}

{#-
    rpt_top_products' touched periods (period_type, period_start_date): the day, week and
    month of every day product_report_dates gives (ranks compare all products of a period, so
    a touched day touches its week and month). The caller also depends on dim_date.
-#}
{% macro top_products_periods(watermark) %}
    {%- set periods -%}
        select
            case grains.n when 0 then 'day' when 1 then 'week' else 'month' end as period_type,
            case grains.n
                when 0 then calendar.date_day
                when 1 then calendar.week_start_date
                else calendar.month_start_date
            end as period_start_date
        from {{ ref('dim_date') }} as calendar
        cross join ({{ ecom.number_series(3) }}) as grains
        where calendar.date_day in ({{ ecom.product_report_dates(watermark) }})
    {%- endset -%}
    {{- return(periods) -}}
{% endmacro %}

{#- The first days of the periods of type `period_type` among `periods` (a query). -#}
{% macro period_starts(periods, period_type) %}
    {{- return(
        "select period_start_date from (" ~ periods ~ ") as touched"
        ~ " where period_type = '" ~ period_type ~ "'"
    ) -}}
{% endmacro %}

{#-
    A condition over (period type, period start) columns: the period is one of `periods`, as
    one text key so the periods' query is written once (portable: no row-value IN).
-#}
{% macro in_periods(periods, period_type_column, start_column) %}
    {%- set key = dbt.concat([
        period_type_column, "'|'", dbt.cast(start_column, dbt.type_string())
    ]) -%}
    {%- set touched_key = dbt.concat([
        'touched.period_type', "'|'", dbt.cast('touched.period_start_date', dbt.type_string())
    ]) -%}
    {{- return(
        key ~ " in (select " ~ touched_key ~ " from (" ~ periods ~ ") as touched)"
    ) -}}
{% endmacro %}
