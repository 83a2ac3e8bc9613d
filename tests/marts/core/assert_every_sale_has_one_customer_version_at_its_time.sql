-- The point-in-time join of fct_sales to dim_customers that the reports use (int_sales_enriched:
-- customer_id, valid_from <= transaction_at < valid_to) finds exactly one version for every
-- sales line (a guest's finds the guest member): the versions of a customer leave no gap and
-- do not overlap, and late-arriving customers have their inferred member. A daily run checks
-- the sales of the days it re-decided (macros/utils/test_scope.sql), a full sweep every sale.
{% set changed_days = ecom.sales_days_changed_last(ref('int_sales_validated')) -%}
select
    sales_row_id,
    count(customer_key) as versions_found
from {{ ref('int_sales_enriched') }}
where {{ ecom.in_changed_keys('transaction_date', changed_days) }}
group by sales_row_id
having count(customer_key) != 1
