{#
    Where every feed's rows end up, for the row accounting of qa_ingest_reconciliation and
    tests/marts/quality/assert_every_landed_row_is_used_or_rejected_once.sql: a list of
    (entity, row key, model, fate, filter). A row arrives in a landed file and is read by
    staging ('landed'), or was refused by the ingest door and kept in the lake's refused_rows
    ('refused', never in the landed data file); it is then either used (fct_sales for sales; the
    usable rows of int_products_validated and int_customers_validated, from which the
    dimensions are built) or rejected (the qa_rejected_<entity> models, refused rows included).
    Documented in _models__macros.yml.
#}
{% macro landed_row_fates() %}
    {{ return([
        ('sales', 'sales_row_id', 'stg_shop__sales', 'landed', none),
        ('sales', 'refused_row_id', 'stg_lake__refused_rows', 'refused', "entity = 'sales'"),
        ('sales', 'sales_row_id', 'fct_sales', 'used', none),
        ('sales', 'sales_row_id', 'qa_rejected_sales', 'rejected', none),
        ('products', 'product_row_id', 'stg_shop__products', 'landed', none),
        ('products', 'refused_row_id', 'stg_lake__refused_rows', 'refused', "entity = 'products'"),
        ('products', 'product_row_id', 'int_products_validated', 'used', 'reject_reason is null'),
        ('products', 'product_row_id', 'qa_rejected_products', 'rejected', none),
        ('customers', 'customer_row_id', 'stg_shop__customers', 'landed', none),
        ('customers', 'refused_row_id', 'stg_lake__refused_rows', 'refused', "entity = 'customers'"),
        ('customers', 'customer_row_id', 'int_customers_validated', 'used', 'reject_reason is null'),
        ('customers', 'customer_row_id', 'qa_rejected_customers', 'rejected', none),
    ]) }}
{% endmacro %}
