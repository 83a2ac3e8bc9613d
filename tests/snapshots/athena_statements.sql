-- Statements dbt-athena sends for `build --exclude-resource-type unit_test --target athena`, captured offline
-- (tests/python/aws_statements.py), and on Athena the Glue table deletions made through boto3.
-- Regenerate: ECOM_UPDATE_SNAPSHOTS=1 pytest tests/python/test_aws_materializations.py

-- ======== scenario: first_deployment ========

-- ---- create_awsdatacatalog_ecom_analytics_intermediate
create schema if not exists `ecom_analytics_intermediate`;

-- ---- create_awsdatacatalog_ecom_analytics_marts
create schema if not exists `ecom_analytics_marts`;

-- ---- create_awsdatacatalog_ecom_analytics_qa
create schema if not exists `ecom_analytics_qa`;

-- ---- create_awsdatacatalog_ecom_analytics_reference
create schema if not exists `ecom_analytics_reference`;

-- ---- create_awsdatacatalog_ecom_analytics_snapshots
create schema if not exists `ecom_analytics_snapshots`;

-- ---- create_awsdatacatalog_ecom_analytics_staging
create schema if not exists `ecom_analytics_staging`;

-- ---- master
select 1;

-- ---- model.ecom.dim_customers
select * from (
<compiled code of model.ecom.dim_customers>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as customer_key,
        cast(null as varchar) as customer_id,
        cast(null as varchar) as customer_name,
        cast(null as varchar) as email,
        cast(null as varchar) as city,
        cast(null as integer) as version_number,
        cast(null as boolean) as is_current,
        cast(null as boolean) as is_inferred,
        cast(null as boolean) as is_guest,
        cast(null as date) as signup_date,
        cast(null as timestamp) as valid_from,
        cast(null as timestamp) as valid_to,
        cast(null as timestamp) as updated_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."dim_customers"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/dim_customers/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.dim_customers>;
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.dim_date
select * from (
<compiled code of model.ecom.dim_date>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as date) as date_day,
        cast(null as varchar) as day_name,
        cast(null as varchar) as month_name,
        cast(null as integer) as year_number,
        cast(null as integer) as quarter_number,
        cast(null as integer) as month_number,
        cast(null as integer) as day_of_month,
        cast(null as integer) as day_of_week,
        cast(null as boolean) as is_weekend,
        cast(null as date) as week_start_date,
        cast(null as date) as month_start_date,
        cast(null as date) as quarter_start_date,
        cast(null as date) as year_start_date
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."dim_date"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/dim_date/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.dim_date>;
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.dim_products
select * from (
<compiled code of model.ecom.dim_products>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as product_id,
        cast(null as varchar) as product_name,
        cast(null as varchar) as category,
        cast(null as decimal(18,2)) as list_price,
        cast(null as integer) as stock_quantity,
        cast(null as boolean) as is_inferred,
        cast(null as date) as catalog_ingest_date
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."dim_products"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/dim_products/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.dim_products>;
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.fct_orders
select * from (
<compiled code of model.ecom.fct_orders>
) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as transaction_id,
        cast(null as varchar) as customer_id,
        cast(null as boolean) as is_guest,
        cast(null as timestamp) as order_at,
        cast(null as date) as order_date,
        cast(null as integer) as line_count,
        cast(null as integer) as units_sold,
        cast(null as integer) as units_returned,
        cast(null as decimal(18,2)) as gross_sales,
        cast(null as decimal(18,2)) as discounts,
        cast(null as decimal(18,2)) as returns,
        cast(null as decimal(18,2)) as net_sales,
        cast(null as decimal(18,2)) as shipping,
        cast(null as decimal(18,2)) as fees,
        cast(null as decimal(18,2)) as total_sales,
        cast(null as boolean) as is_order,
        cast(null as boolean) as has_return,
        cast(null as timestamp) as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."fct_orders"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/fct_orders/<uuid>',
      partitioning=ARRAY['month(order_date)'],
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.fct_orders>;
select '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.fct_sales
select * from (
<compiled code of model.ecom.fct_sales>
) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as sales_row_id,
        cast(null as varchar) as transaction_id,
        cast(null as integer) as line_number,
        cast(null as varchar) as customer_id,
        cast(null as boolean) as is_guest,
        cast(null as varchar) as product_id,
        cast(null as varchar) as line_type,
        cast(null as boolean) as is_return,
        cast(null as boolean) as is_zero_price,
        cast(null as varchar) as original_transaction_id,
        cast(null as varchar) as return_match,
        cast(null as varchar) as batch_id,
        cast(null as varchar) as landed_file_name,
        cast(null as integer) as quantity,
        cast(null as decimal(18,2)) as amount,
        cast(null as decimal(18,2)) as unit_price,
        cast(null as date) as transaction_date,
        cast(null as date) as ingest_date,
        cast(null as timestamp) as transaction_at,
        cast(null as timestamp) as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."fct_sales"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/fct_sales/<uuid>',
      partitioning=ARRAY['day(transaction_date)'],
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.fct_sales>;
select '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.int_customer_orders
create table "awsdatacatalog"."ecom_analytics_intermediate"."int_customer_orders"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_intermediate/int_customer_orders/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.int_customer_orders>;
select '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.int_customers_deduplicated
create or replace view
    "awsdatacatalog"."ecom_analytics_intermediate"."int_customers_deduplicated"
  as
<compiled code of model.ecom.int_customers_deduplicated>;

-- ---- model.ecom.int_customers_validated
create table "awsdatacatalog"."ecom_analytics_intermediate"."int_customers_validated"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_intermediate/int_customers_validated/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.int_customers_validated>;
select '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.int_product_sales_days
create table "awsdatacatalog"."ecom_analytics_intermediate"."int_product_sales_days"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_intermediate/int_product_sales_days/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.int_product_sales_days>;
select '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.int_products_validated
create table "awsdatacatalog"."ecom_analytics_intermediate"."int_products_validated"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_intermediate/int_products_validated/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.int_products_validated>;
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.int_sales_enriched
create or replace view
    "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_enriched"
  as
<compiled code of model.ecom.int_sales_enriched>;

-- ---- model.ecom.int_sales_hourly
create table "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_hourly"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_intermediate/int_sales_hourly/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.int_sales_hourly>;
select '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.int_sales_validated
create table "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_intermediate/int_sales_validated/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.int_sales_validated>;
select '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.qa_ingest_reconciliation
select * from (
        <compiled code of model.ecom.qa_ingest_reconciliation>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as reconciliation_id,
        cast(null as varchar) as entity,
        cast(null as varchar) as batch_id,
        cast(null as varchar) as landed_file_name,
        cast(null as integer) as rows_landed,
        cast(null as integer) as rows_used,
        cast(null as integer) as rows_rejected,
        cast(null as boolean) as is_balanced,
        cast(null as date) as ingest_date,
        cast(null as integer) as rows_received,
        cast(null as integer) as rows_staged,
        cast(null as integer) as rows_refused,
        cast(null as boolean) as is_read_in_full,
        cast(null as timestamp) as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_qa"."qa_ingest_reconciliation"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_qa/qa_ingest_reconciliation/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
      <compiled code of model.ecom.qa_ingest_reconciliation>;
select '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.qa_rejected_customers
select * from (
<compiled code of model.ecom.qa_rejected_customers>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as customer_row_id,
        cast(null as varchar) as customer_id,
        cast(null as varchar) as batch_id,
        cast(null as varchar) as landed_file_name,
        cast(null as varchar) as reject_reason,
        cast(null as varchar) as reject_detail,
        cast(null as varchar) as customer_name,
        cast(null as varchar) as email,
        cast(null as varchar) as city,
        cast(null as varchar) as signup_date_raw,
        cast(null as varchar) as updated_at_raw,
        cast(null as varchar) as raw_row,
        cast(null as integer) as line_number,
        cast(null as date) as ingest_date,
        cast(null as timestamp) as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_qa"."qa_rejected_customers"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_qa/qa_rejected_customers/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.qa_rejected_customers>;
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.qa_rejected_products
select * from (
<compiled code of model.ecom.qa_rejected_products>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as product_row_id,
        cast(null as varchar) as product_id,
        cast(null as varchar) as batch_id,
        cast(null as varchar) as landed_file_name,
        cast(null as varchar) as reject_reason,
        cast(null as varchar) as reject_detail,
        cast(null as varchar) as product_name,
        cast(null as varchar) as category,
        cast(null as varchar) as list_price_raw,
        cast(null as varchar) as stock_quantity_raw,
        cast(null as varchar) as raw_row,
        cast(null as integer) as line_number,
        cast(null as date) as ingest_date,
        cast(null as timestamp) as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_qa"."qa_rejected_products"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_qa/qa_rejected_products/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.qa_rejected_products>;
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.qa_rejected_sales
select * from (
        <compiled code of model.ecom.qa_rejected_sales>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as sales_row_id,
        cast(null as varchar) as transaction_id,
        cast(null as varchar) as customer_id,
        cast(null as varchar) as product_id,
        cast(null as varchar) as batch_id,
        cast(null as varchar) as landed_file_name,
        cast(null as varchar) as reject_reason,
        cast(null as varchar) as reject_detail,
        cast(null as varchar) as quantity_raw,
        cast(null as varchar) as amount_raw,
        cast(null as varchar) as transaction_date_raw,
        cast(null as varchar) as raw_row,
        cast(null as integer) as line_number,
        cast(null as date) as ingest_date,
        cast(null as timestamp) as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_qa"."qa_rejected_sales"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_qa/qa_rejected_sales/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
      <compiled code of model.ecom.qa_rejected_sales>;
select '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.rpt_customer_lifetime_value
select * from (
<compiled code of model.ecom.rpt_customer_lifetime_value>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as customer_id,
        cast(null as varchar) as customer_name,
        cast(null as varchar) as email,
        cast(null as varchar) as city,
        cast(null as integer) as order_count,
        cast(null as integer) as units_purchased,
        cast(null as decimal(18,2)) as gross_sales,
        cast(null as decimal(18,2)) as returns,
        cast(null as decimal(18,2)) as lifetime_value,
        cast(null as decimal(18,2)) as avg_order_value,
        cast(null as integer) as tenure_days,
        cast(null as integer) as days_since_last_order,
        cast(null as boolean) as is_inferred,
        cast(null as date) as first_order_date,
        cast(null as date) as last_order_date,
        cast(null as date) as as_of_date
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."rpt_customer_lifetime_value"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/rpt_customer_lifetime_value/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.rpt_customer_lifetime_value>;
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.rpt_customer_predictions
select * from (
<compiled code of model.ecom.rpt_customer_predictions>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as customer_id,
        cast(null as varchar) as customer_name,
        cast(null as varchar) as email,
        cast(null as varchar) as city,
        cast(null as varchar) as risk_band,
        cast(null as varchar) as model_version,
        cast(null as decimal(9,4)) as buy_probability,
        cast(null as decimal(18,2)) as expected_orders,
        cast(null as decimal(18,2)) as expected_net_sales,
        cast(null as integer) as orders_last_90_days,
        cast(null as decimal(18,2)) as net_sales_last_90_days,
        cast(null as integer) as days_since_last_order,
        cast(null as integer) as horizon_days,
        cast(null as boolean) as is_at_risk,
        cast(null as date) as last_order_date,
        cast(null as date) as as_of_date,
        cast(null as date) as training_cutoff_date,
        cast(null as timestamp) as scored_at
    ) as __dbt_sbq
    where false
    limit 0;
create or replace view
    "awsdatacatalog"."ecom_analytics_marts"."rpt_customer_predictions"
  as
<compiled code of model.ecom.rpt_customer_predictions>;

-- ---- model.ecom.rpt_customer_segments
select * from (
<compiled code of model.ecom.rpt_customer_segments>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as customer_id,
        cast(null as varchar) as segment_code,
        cast(null as varchar) as segment_name,
        cast(null as varchar) as customer_name,
        cast(null as varchar) as city,
        cast(null as varchar) as rfm_score,
        cast(null as integer) as recency_score,
        cast(null as integer) as frequency_score,
        cast(null as integer) as monetary_score,
        cast(null as integer) as days_since_last_order,
        cast(null as integer) as order_count,
        cast(null as decimal(18,2)) as lifetime_value,
        cast(null as boolean) as is_inferred,
        cast(null as date) as last_order_date
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."rpt_customer_segments"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/rpt_customer_segments/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.rpt_customer_segments>;
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.rpt_daily_sales_summary
select * from (
<compiled code of model.ecom.rpt_daily_sales_summary>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as date) as sales_date,
        cast(null as integer) as order_count,
        cast(null as integer) as guest_order_count,
        cast(null as integer) as units_sold,
        cast(null as integer) as units_returned,
        cast(null as decimal(18,2)) as gross_sales,
        cast(null as decimal(18,2)) as discounts,
        cast(null as decimal(18,2)) as returns,
        cast(null as decimal(18,2)) as net_sales,
        cast(null as decimal(18,2)) as shipping,
        cast(null as decimal(18,2)) as fees,
        cast(null as decimal(18,2)) as total_sales,
        cast(null as decimal(18,2)) as avg_order_value,
        cast(null as decimal(18,2)) as avg_items_per_order,
        cast(null as decimal(18,2)) as return_rate_pct,
        cast(null as decimal(18,2)) as guest_net_sales,
        cast(null as decimal(18,2)) as guest_share_pct,
        cast(null as integer) as unique_customers,
        cast(null as integer) as new_customers,
        cast(null as integer) as returning_customers,
        cast(null as timestamp) as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."rpt_daily_sales_summary"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/rpt_daily_sales_summary/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.rpt_daily_sales_summary>;
select '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.rpt_pipeline_runs
select * from (
<compiled code of model.ecom.rpt_pipeline_runs>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as run_id,
        cast(null as varchar) as command,
        cast(null as varchar) as run_status,
        cast(null as varchar) as error_message,
        cast(null as integer) as exit_code,
        cast(null as decimal(18,3)) as duration_seconds,
        cast(null as decimal(18,3)) as ingest_seconds,
        cast(null as decimal(18,3)) as dbt_build_seconds,
        cast(null as decimal(18,3)) as report_seconds,
        cast(null as integer) as files_received,
        cast(null as integer) as files_landed,
        cast(null as integer) as files_quarantined,
        cast(null as integer) as rows_landed,
        cast(null as integer) as rows_rejected,
        cast(null as integer) as models_built,
        cast(null as integer) as models_failed,
        cast(null as integer) as tests_passed,
        cast(null as integer) as tests_warned,
        cast(null as integer) as tests_failed,
        cast(null as integer) as reports_written,
        cast(null as boolean) as is_successful,
        cast(null as boolean) as is_latest_run_of_day,
        cast(null as date) as run_date,
        cast(null as timestamp) as started_at,
        cast(null as timestamp) as finished_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."rpt_pipeline_runs"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/rpt_pipeline_runs/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.rpt_pipeline_runs>;
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.rpt_recent_transactions
select * from (
<compiled code of model.ecom.rpt_recent_transactions>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as sales_row_id,
        cast(null as varchar) as transaction_id,
        cast(null as integer) as line_number,
        cast(null as varchar) as customer_id,
        cast(null as boolean) as is_guest,
        cast(null as varchar) as product_id,
        cast(null as varchar) as line_type,
        cast(null as boolean) as is_return,
        cast(null as varchar) as customer_key,
        cast(null as varchar) as customer_name,
        cast(null as varchar) as city,
        cast(null as varchar) as product_name,
        cast(null as varchar) as category,
        cast(null as integer) as quantity,
        cast(null as decimal(18,2)) as unit_price,
        cast(null as decimal(18,2)) as amount,
        cast(null as boolean) as is_customer_inferred,
        cast(null as boolean) as is_product_inferred,
        cast(null as date) as transaction_date,
        cast(null as timestamp) as transaction_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."rpt_recent_transactions"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/rpt_recent_transactions/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.rpt_recent_transactions>;
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.rpt_sales_by_category
select * from (
<compiled code of model.ecom.rpt_sales_by_category>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as category_day_id,
        cast(null as varchar) as category,
        cast(null as integer) as order_count,
        cast(null as integer) as units_sold,
        cast(null as integer) as units_returned,
        cast(null as integer) as unique_customers,
        cast(null as decimal(18,2)) as gross_sales,
        cast(null as decimal(18,2)) as returns,
        cast(null as decimal(18,2)) as net_sales,
        cast(null as decimal(18,2)) as revenue_share_pct,
        cast(null as date) as sales_date,
        cast(null as timestamp) as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."rpt_sales_by_category"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/rpt_sales_by_category/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.rpt_sales_by_category>;
select '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.rpt_sales_by_weekday_hour
select * from (
<compiled code of model.ecom.rpt_sales_by_weekday_hour>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as integer) as weekday_hour_id,
        cast(null as varchar) as day_name,
        cast(null as integer) as day_of_week,
        cast(null as integer) as hour_of_day,
        cast(null as integer) as days_observed,
        cast(null as integer) as order_count,
        cast(null as integer) as units_sold,
        cast(null as decimal(18,2)) as revenue,
        cast(null as decimal(18,2)) as avg_transactions_per_day,
        cast(null as decimal(18,2)) as avg_revenue_per_day
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."rpt_sales_by_weekday_hour"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/rpt_sales_by_weekday_hour/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.rpt_sales_by_weekday_hour>;
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.rpt_top_products
select * from (
<compiled code of model.ecom.rpt_top_products>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as top_product_id,
        cast(null as varchar) as product_id,
        cast(null as varchar) as period_type,
        cast(null as varchar) as product_name,
        cast(null as varchar) as category,
        cast(null as integer) as revenue_rank,
        cast(null as integer) as category_revenue_rank,
        cast(null as integer) as order_count,
        cast(null as integer) as units_sold,
        cast(null as integer) as units_returned,
        cast(null as decimal(18,2)) as gross_sales,
        cast(null as decimal(18,2)) as returns,
        cast(null as decimal(18,2)) as net_sales,
        cast(null as date) as period_start_date,
        cast(null as date) as period_end_date,
        cast(null as timestamp) as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."rpt_top_products"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/rpt_top_products/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.rpt_top_products>;
select '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.stg_lake__landed_files
create or replace view
    "awsdatacatalog"."ecom_analytics_staging"."stg_lake__landed_files"
  as
<compiled code of model.ecom.stg_lake__landed_files>;

-- ---- model.ecom.stg_lake__refused_rows
create or replace view
    "awsdatacatalog"."ecom_analytics_staging"."stg_lake__refused_rows"
  as
    <compiled code of model.ecom.stg_lake__refused_rows>;

-- ---- model.ecom.stg_ops__pipeline_runs
create or replace view
    "awsdatacatalog"."ecom_analytics_staging"."stg_ops__pipeline_runs"
  as
<compiled code of model.ecom.stg_ops__pipeline_runs>;

-- ---- model.ecom.stg_predictions__customer_scores
create schema if not exists `ecom_analytics_predictions`;
create external table if not exists `ecom_analytics_predictions`.`customer_scores` (
        `customer_id` string,
        `risk_band` string,
        `model_version` string,
        `buy_probability` decimal(9,4),
        `expected_orders` decimal(18,2),
        `expected_net_sales` decimal(18,2),
        `orders_last_90_days` int,
        `net_sales_last_90_days` decimal(18,2),
        `days_since_last_order` int,
        `horizon_days` int,
        `last_order_date` date,
        `as_of_date` date,
        `training_cutoff_date` date,
        `scored_at` timestamp
    )
    stored as parquet
    location '<s3_data_dir>/ecom_analytics_predictions/customer_scores/';
create or replace view
    "awsdatacatalog"."ecom_analytics_staging"."stg_predictions__customer_scores"
  as
<compiled code of model.ecom.stg_predictions__customer_scores>;

-- ---- model.ecom.stg_shop__customers
create table "awsdatacatalog"."ecom_analytics_staging"."stg_shop__customers"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_staging/stg_shop__customers/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.stg_shop__customers>;
select '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.stg_shop__products
create or replace view
    "awsdatacatalog"."ecom_analytics_staging"."stg_shop__products"
  as
    <compiled code of model.ecom.stg_shop__products>;

-- ---- model.ecom.stg_shop__sales
create table "awsdatacatalog"."ecom_analytics_staging"."stg_shop__sales"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_staging/stg_shop__sales/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.stg_shop__sales>;
select '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- seed.ecom.reject_reasons
-- boto3 glue.DeleteTable ecom_analytics_reference.reject_reasons__dbt_tmp
create external table `ecom_analytics_reference`.`reject_reasons__dbt_tmp` (`entity` string, `reject_reason` string, `rule_order` string, `description` string, `what_to_do` string)
    row format serde 'org.apache.hadoop.hive.serde2.OpenCSVSerde'
    location '<s3_data_dir>/ecom_analytics_reference/reject_reasons__dbt_tmp/<uuid>'
    tblproperties (
      'skip.header.line.count'='1'
    );
create table "awsdatacatalog"."ecom_analytics_reference"."reject_reasons"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_reference/reject_reasons/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
    select
              cast(nullif("entity", '') as varchar) as "entity"
            ,
              cast(nullif("reject_reason", '') as varchar) as "reject_reason"
            ,
              cast(nullif("rule_order", '') as integer) as "rule_order"
            ,
              cast(nullif("description", '') as varchar) as "description"
            ,
              cast(nullif("what_to_do", '') as varchar) as "what_to_do"
    from
        "awsdatacatalog"."ecom_analytics_reference"."reject_reasons__dbt_tmp";
-- boto3 glue.DeleteTable ecom_analytics_reference.reject_reasons__dbt_tmp

-- ---- seed.ecom.rfm_segments
-- boto3 glue.DeleteTable ecom_analytics_reference.rfm_segments__dbt_tmp
create external table `ecom_analytics_reference`.`rfm_segments__dbt_tmp` (`segment_code` string, `segment_name` string, `display_order` string, `rule` string, `description` string, `suggested_action` string)
    row format serde 'org.apache.hadoop.hive.serde2.OpenCSVSerde'
    location '<s3_data_dir>/ecom_analytics_reference/rfm_segments__dbt_tmp/<uuid>'
    tblproperties (
      'skip.header.line.count'='1'
    );
create table "awsdatacatalog"."ecom_analytics_reference"."rfm_segments"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_reference/rfm_segments/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
    select
              cast(nullif("segment_code", '') as varchar) as "segment_code"
            ,
              cast(nullif("segment_name", '') as varchar) as "segment_name"
            ,
              cast(nullif("display_order", '') as integer) as "display_order"
            ,
              cast(nullif("rule", '') as varchar) as "rule"
            ,
              cast(nullif("description", '') as varchar) as "description"
            ,
              cast(nullif("suggested_action", '') as varchar) as "suggested_action"
    from
        "awsdatacatalog"."ecom_analytics_reference"."rfm_segments__dbt_tmp";
-- boto3 glue.DeleteTable ecom_analytics_reference.rfm_segments__dbt_tmp

-- ---- snapshot.ecom.snp_shop__customers
create table "awsdatacatalog"."ecom_analytics_snapshots"."snp_shop__customers"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_snapshots/snp_shop__customers/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
select *,
        to_hex(md5(to_utf8(coalesce(cast(customer_id as varchar ), '')
         || '|' || coalesce(cast(updated_at as varchar ), '')
        ))) as dbt_scd_id,
        updated_at as dbt_updated_at,
        updated_at as dbt_valid_from,
  coalesce(nullif(updated_at, updated_at), null)
  as dbt_valid_to
from (
        <compiled code of snapshot.ecom.snp_shop__customers>
    ) sbq;

-- ======== scenario: daily_run ========

-- ---- master
select 1;

-- ---- model.ecom.dim_customers
select * from (
<compiled code of model.ecom.dim_customers>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as customer_key,
        cast(null as varchar) as customer_id,
        cast(null as varchar) as customer_name,
        cast(null as varchar) as email,
        cast(null as varchar) as city,
        cast(null as integer) as version_number,
        cast(null as boolean) as is_current,
        cast(null as boolean) as is_inferred,
        cast(null as boolean) as is_guest,
        cast(null as date) as signup_date,
        cast(null as timestamp) as valid_from,
        cast(null as timestamp) as valid_to,
        cast(null as timestamp) as updated_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."dim_customers__ha"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/dim_customers/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.dim_customers>;
alter table `ecom_analytics_marts`.`dim_customers` rename to `ecom_analytics_marts`.`dim_customers__bkp`;
alter table `ecom_analytics_marts`.`dim_customers__ha` rename to `ecom_analytics_marts`.`dim_customers`;
-- boto3 glue.DeleteTable ecom_analytics_marts.dim_customers__bkp
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.dim_date
select * from (
<compiled code of model.ecom.dim_date>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as date) as date_day,
        cast(null as varchar) as day_name,
        cast(null as varchar) as month_name,
        cast(null as integer) as year_number,
        cast(null as integer) as quarter_number,
        cast(null as integer) as month_number,
        cast(null as integer) as day_of_month,
        cast(null as integer) as day_of_week,
        cast(null as boolean) as is_weekend,
        cast(null as date) as week_start_date,
        cast(null as date) as month_start_date,
        cast(null as date) as quarter_start_date,
        cast(null as date) as year_start_date
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."dim_date__ha"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/dim_date/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.dim_date>;
alter table `ecom_analytics_marts`.`dim_date` rename to `ecom_analytics_marts`.`dim_date__bkp`;
alter table `ecom_analytics_marts`.`dim_date__ha` rename to `ecom_analytics_marts`.`dim_date`;
-- boto3 glue.DeleteTable ecom_analytics_marts.dim_date__bkp
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.dim_products
select * from (
<compiled code of model.ecom.dim_products>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as product_id,
        cast(null as varchar) as product_name,
        cast(null as varchar) as category,
        cast(null as decimal(18,2)) as list_price,
        cast(null as integer) as stock_quantity,
        cast(null as boolean) as is_inferred,
        cast(null as date) as catalog_ingest_date
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."dim_products__ha"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/dim_products/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.dim_products>;
alter table `ecom_analytics_marts`.`dim_products` rename to `ecom_analytics_marts`.`dim_products__bkp`;
alter table `ecom_analytics_marts`.`dim_products__ha` rename to `ecom_analytics_marts`.`dim_products`;
-- boto3 glue.DeleteTable ecom_analytics_marts.dim_products__bkp
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.fct_orders
select * from (
<compiled code of model.ecom.fct_orders>
) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as transaction_id,
        cast(null as varchar) as customer_id,
        cast(null as boolean) as is_guest,
        cast(null as timestamp) as order_at,
        cast(null as date) as order_date,
        cast(null as integer) as line_count,
        cast(null as integer) as units_sold,
        cast(null as integer) as units_returned,
        cast(null as decimal(18,2)) as gross_sales,
        cast(null as decimal(18,2)) as discounts,
        cast(null as decimal(18,2)) as returns,
        cast(null as decimal(18,2)) as net_sales,
        cast(null as decimal(18,2)) as shipping,
        cast(null as decimal(18,2)) as fees,
        cast(null as decimal(18,2)) as total_sales,
        cast(null as boolean) as is_order,
        cast(null as boolean) as has_return,
        cast(null as timestamp) as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."fct_orders__dbt_tmp"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/fct_orders__dbt_tmp/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.fct_orders>;
merge into "awsdatacatalog"."ecom_analytics_marts"."fct_orders" as target using "awsdatacatalog"."ecom_analytics_marts"."fct_orders__dbt_tmp" as src
          on (target.transaction_id = src.transaction_id
            and (
              target.order_date in (select distinct cast(transaction_at as date) from "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "awsdatacatalog"."ecom_analytics_marts"."fct_orders" where refreshed_at < (select max(refreshed_at) from "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated")) and transaction_at is not null)
          )
      )
      when matched
          then update set"customer_id" = src."customer_id","is_guest" = src."is_guest","order_at" = src."order_at","order_date" = src."order_date","line_count" = src."line_count","units_sold" = src."units_sold","units_returned" = src."units_returned","gross_sales" = src."gross_sales","discounts" = src."discounts","returns" = src."returns","net_sales" = src."net_sales","shipping" = src."shipping","fees" = src."fees","total_sales" = src."total_sales","is_order" = src."is_order","has_return" = src."has_return","refreshed_at" = src."refreshed_at"
      when not matched
        then insert ("transaction_id", "customer_id", "is_guest", "order_at", "order_date", "line_count", "units_sold", "units_returned", "gross_sales", "discounts", "returns", "net_sales", "shipping", "fees", "total_sales", "is_order", "has_return", "refreshed_at")
         values (src."transaction_id", src."customer_id", src."is_guest", src."order_at", src."order_date", src."line_count", src."units_sold", src."units_returned", src."gross_sales", src."discounts", src."returns", src."net_sales", src."shipping", src."fees", src."total_sales", src."is_order", src."has_return", src."refreshed_at");
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';
-- boto3 glue.DeleteTable ecom_analytics_marts.fct_orders__dbt_tmp

-- ---- model.ecom.fct_sales
select * from (
<compiled code of model.ecom.fct_sales>
) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as sales_row_id,
        cast(null as varchar) as transaction_id,
        cast(null as integer) as line_number,
        cast(null as varchar) as customer_id,
        cast(null as boolean) as is_guest,
        cast(null as varchar) as product_id,
        cast(null as varchar) as line_type,
        cast(null as boolean) as is_return,
        cast(null as boolean) as is_zero_price,
        cast(null as varchar) as original_transaction_id,
        cast(null as varchar) as return_match,
        cast(null as varchar) as batch_id,
        cast(null as varchar) as landed_file_name,
        cast(null as integer) as quantity,
        cast(null as decimal(18,2)) as amount,
        cast(null as decimal(18,2)) as unit_price,
        cast(null as date) as transaction_date,
        cast(null as date) as ingest_date,
        cast(null as timestamp) as transaction_at,
        cast(null as timestamp) as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."fct_sales__dbt_tmp"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/fct_sales__dbt_tmp/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.fct_sales>;
merge into "awsdatacatalog"."ecom_analytics_marts"."fct_sales" as target using "awsdatacatalog"."ecom_analytics_marts"."fct_sales__dbt_tmp" as src
          on (target.sales_row_id = src.sales_row_id
            and (
              target.transaction_date in (select distinct cast(transaction_at as date) from "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "awsdatacatalog"."ecom_analytics_marts"."fct_sales" where refreshed_at < (select max(refreshed_at) from "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated")) and transaction_at is not null union select distinct transaction_date from "awsdatacatalog"."ecom_analytics_marts"."fct_sales" where transaction_id in (select transaction_id from "awsdatacatalog"."ecom_analytics_marts"."fct_sales" where is_return and return_match in ('customer_product', 'unmatched') and not is_guest and customer_id in (select customer_id from "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "awsdatacatalog"."ecom_analytics_marts"."fct_sales" where refreshed_at < (select max(refreshed_at) from "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated")) and customer_id is not null)))
          )
      )
      when matched and (src.transaction_at is null)
          then delete
      when matched and src.transaction_at is not null
          then update set"transaction_id" = src."transaction_id","line_number" = src."line_number","customer_id" = src."customer_id","is_guest" = src."is_guest","product_id" = src."product_id","line_type" = src."line_type","is_return" = src."is_return","is_zero_price" = src."is_zero_price","original_transaction_id" = src."original_transaction_id","return_match" = src."return_match","batch_id" = src."batch_id","landed_file_name" = src."landed_file_name","quantity" = src."quantity","amount" = src."amount","unit_price" = src."unit_price","transaction_date" = src."transaction_date","ingest_date" = src."ingest_date","transaction_at" = src."transaction_at","refreshed_at" = src."refreshed_at"
      when not matched and src.transaction_at is not null
        then insert ("sales_row_id", "transaction_id", "line_number", "customer_id", "is_guest", "product_id", "line_type", "is_return", "is_zero_price", "original_transaction_id", "return_match", "batch_id", "landed_file_name", "quantity", "amount", "unit_price", "transaction_date", "ingest_date", "transaction_at", "refreshed_at")
         values (src."sales_row_id", src."transaction_id", src."line_number", src."customer_id", src."is_guest", src."product_id", src."line_type", src."is_return", src."is_zero_price", src."original_transaction_id", src."return_match", src."batch_id", src."landed_file_name", src."quantity", src."amount", src."unit_price", src."transaction_date", src."ingest_date", src."transaction_at", src."refreshed_at");
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';
-- boto3 glue.DeleteTable ecom_analytics_marts.fct_sales__dbt_tmp

-- ---- model.ecom.int_customer_orders
create table "awsdatacatalog"."ecom_analytics_intermediate"."int_customer_orders__dbt_tmp"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_intermediate/int_customer_orders__dbt_tmp/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.int_customer_orders>;
insert into "awsdatacatalog"."ecom_analytics_intermediate"."int_customer_orders" ("customer_id", "order_count", "units_purchased", "gross_sales", "returns", "lifetime_value", "order_value", "first_order_date", "last_order_date", "refreshed_at")
              (
                 select "customer_id", "order_count", "units_purchased", "gross_sales", "returns", "lifetime_value", "order_value", "first_order_date", "last_order_date", "refreshed_at"
                 from "awsdatacatalog"."ecom_analytics_intermediate"."int_customer_orders__dbt_tmp"
              );
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';
delete from "awsdatacatalog"."ecom_analytics_intermediate"."int_customer_orders"
        where
            refreshed_at < cast('<timestamp>' as timestamp)
            and (customer_id in (select distinct customer_id from "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "awsdatacatalog"."ecom_analytics_intermediate"."int_customer_orders" where refreshed_at < cast('<timestamp>' as timestamp)) and customer_id is not null));
-- boto3 glue.DeleteTable ecom_analytics_intermediate.int_customer_orders__dbt_tmp

-- ---- model.ecom.int_customers_deduplicated
create or replace view
    "awsdatacatalog"."ecom_analytics_intermediate"."int_customers_deduplicated"
  as
<compiled code of model.ecom.int_customers_deduplicated>;

-- ---- model.ecom.int_customers_validated
create table "awsdatacatalog"."ecom_analytics_intermediate"."int_customers_validated__dbt_tmp"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_intermediate/int_customers_validated__dbt_tmp/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.int_customers_validated>;
insert into "awsdatacatalog"."ecom_analytics_intermediate"."int_customers_validated" ("customer_row_id", "customer_id", "batch_id", "landed_file_name", "customer_name", "email", "city", "signup_date_raw", "updated_at_raw", "reject_reason", "signup_date", "ingest_date", "updated_at", "refreshed_at")
              (
                 select "customer_row_id", "customer_id", "batch_id", "landed_file_name", "customer_name", "email", "city", "signup_date_raw", "updated_at_raw", "reject_reason", "signup_date", "ingest_date", "updated_at", "refreshed_at"
                 from "awsdatacatalog"."ecom_analytics_intermediate"."int_customers_validated__dbt_tmp"
              );
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';
-- boto3 glue.DeleteTable ecom_analytics_intermediate.int_customers_validated__dbt_tmp

-- ---- model.ecom.int_product_sales_days
create table "awsdatacatalog"."ecom_analytics_intermediate"."int_product_sales_days__dbt_tmp"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_intermediate/int_product_sales_days__dbt_tmp/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.int_product_sales_days>;
insert into "awsdatacatalog"."ecom_analytics_intermediate"."int_product_sales_days" ("product_day_id", "product_id", "sales_date", "product_name", "category", "order_count", "refreshed_at")
              (
                 select "product_day_id", "product_id", "sales_date", "product_name", "category", "order_count", "refreshed_at"
                 from "awsdatacatalog"."ecom_analytics_intermediate"."int_product_sales_days__dbt_tmp"
              );
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';
delete from "awsdatacatalog"."ecom_analytics_intermediate"."int_product_sales_days"
        where
            refreshed_at < cast('<timestamp>' as timestamp)
            and (sales_date in (select distinct cast(transaction_at as date) as sales_date from "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "awsdatacatalog"."ecom_analytics_intermediate"."int_product_sales_days" where refreshed_at < cast('<timestamp>' as timestamp)) and transaction_at is not null union select reported.sales_date
        from "awsdatacatalog"."ecom_analytics_intermediate"."int_product_sales_days" as reported
        inner join "awsdatacatalog"."ecom_analytics_marts"."dim_products" as products
            on reported.product_id = products.product_id
        where
            reported.refreshed_at <= (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "awsdatacatalog"."ecom_analytics_intermediate"."int_product_sales_days" where refreshed_at < cast('<timestamp>' as timestamp))
            and (
                coalesce(reported.product_name, '') <> coalesce(products.product_name, '')
                or coalesce(reported.category, '') <> coalesce(products.category, '')
            )));
-- boto3 glue.DeleteTable ecom_analytics_intermediate.int_product_sales_days__dbt_tmp

-- ---- model.ecom.int_products_validated
create table "awsdatacatalog"."ecom_analytics_intermediate"."int_products_validated__ha"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_intermediate/int_products_validated/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.int_products_validated>;
alter table `ecom_analytics_intermediate`.`int_products_validated` rename to `ecom_analytics_intermediate`.`int_products_validated__bkp`;
alter table `ecom_analytics_intermediate`.`int_products_validated__ha` rename to `ecom_analytics_intermediate`.`int_products_validated`;
-- boto3 glue.DeleteTable ecom_analytics_intermediate.int_products_validated__bkp
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.int_sales_enriched
create or replace view
    "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_enriched"
  as
<compiled code of model.ecom.int_sales_enriched>;

-- ---- model.ecom.int_sales_hourly
create table "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_hourly__dbt_tmp"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_intermediate/int_sales_hourly__dbt_tmp/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.int_sales_hourly>;
insert into "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_hourly" ("sales_hour", "sales_date", "day_of_week", "hour_of_day", "order_count", "units_sold", "revenue", "refreshed_at")
              (
                 select "sales_hour", "sales_date", "day_of_week", "hour_of_day", "order_count", "units_sold", "revenue", "refreshed_at"
                 from "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_hourly__dbt_tmp"
              );
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';
delete from "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_hourly"
        where
            refreshed_at < cast('<timestamp>' as timestamp)
            and (sales_date in (select distinct cast(transaction_at as date) as sales_date from "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_hourly" where refreshed_at < cast('<timestamp>' as timestamp)) and transaction_at is not null));
-- boto3 glue.DeleteTable ecom_analytics_intermediate.int_sales_hourly__dbt_tmp

-- ---- model.ecom.int_sales_validated
create table "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated__dbt_tmp"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_intermediate/int_sales_validated__dbt_tmp/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.int_sales_validated>;
merge into "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated" as target using "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated__dbt_tmp" as src
          on (target.sales_row_id = src.sales_row_id
      )
      when matched
          then update set"transaction_id" = src."transaction_id","line_number" = src."line_number","customer_id" = src."customer_id","product_id" = src."product_id","line_type" = src."line_type","original_transaction_id" = src."original_transaction_id","batch_id" = src."batch_id","landed_file_name" = src."landed_file_name","quantity_raw" = src."quantity_raw","amount_raw" = src."amount_raw","transaction_date_raw" = src."transaction_date_raw","reject_reason" = src."reject_reason","quantity" = src."quantity","amount" = src."amount","ingest_date" = src."ingest_date","transaction_at" = src."transaction_at","refreshed_at" = src."refreshed_at"
      when not matched
        then insert ("sales_row_id", "transaction_id", "line_number", "customer_id", "product_id", "line_type", "original_transaction_id", "batch_id", "landed_file_name", "quantity_raw", "amount_raw", "transaction_date_raw", "reject_reason", "quantity", "amount", "ingest_date", "transaction_at", "refreshed_at")
         values (src."sales_row_id", src."transaction_id", src."line_number", src."customer_id", src."product_id", src."line_type", src."original_transaction_id", src."batch_id", src."landed_file_name", src."quantity_raw", src."amount_raw", src."transaction_date_raw", src."reject_reason", src."quantity", src."amount", src."ingest_date", src."transaction_at", src."refreshed_at");
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';
-- boto3 glue.DeleteTable ecom_analytics_intermediate.int_sales_validated__dbt_tmp

-- ---- model.ecom.qa_ingest_reconciliation
select * from (
        <compiled code of model.ecom.qa_ingest_reconciliation>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as reconciliation_id,
        cast(null as varchar) as entity,
        cast(null as varchar) as batch_id,
        cast(null as varchar) as landed_file_name,
        cast(null as integer) as rows_landed,
        cast(null as integer) as rows_used,
        cast(null as integer) as rows_rejected,
        cast(null as boolean) as is_balanced,
        cast(null as date) as ingest_date,
        cast(null as integer) as rows_received,
        cast(null as integer) as rows_staged,
        cast(null as integer) as rows_refused,
        cast(null as boolean) as is_read_in_full,
        cast(null as timestamp) as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_qa"."qa_ingest_reconciliation__dbt_tmp"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_qa/qa_ingest_reconciliation__dbt_tmp/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
      <compiled code of model.ecom.qa_ingest_reconciliation>;
merge into "awsdatacatalog"."ecom_analytics_qa"."qa_ingest_reconciliation" as target using "awsdatacatalog"."ecom_analytics_qa"."qa_ingest_reconciliation__dbt_tmp" as src
          on (target.reconciliation_id = src.reconciliation_id
      )
      when matched
          then update set"entity" = src."entity","batch_id" = src."batch_id","landed_file_name" = src."landed_file_name","rows_landed" = src."rows_landed","rows_used" = src."rows_used","rows_rejected" = src."rows_rejected","is_balanced" = src."is_balanced","ingest_date" = src."ingest_date","rows_received" = src."rows_received","rows_staged" = src."rows_staged","rows_refused" = src."rows_refused","is_read_in_full" = src."is_read_in_full","refreshed_at" = src."refreshed_at"
      when not matched
        then insert ("reconciliation_id", "entity", "batch_id", "landed_file_name", "rows_landed", "rows_used", "rows_rejected", "is_balanced", "ingest_date", "rows_received", "rows_staged", "rows_refused", "is_read_in_full", "refreshed_at")
         values (src."reconciliation_id", src."entity", src."batch_id", src."landed_file_name", src."rows_landed", src."rows_used", src."rows_rejected", src."is_balanced", src."ingest_date", src."rows_received", src."rows_staged", src."rows_refused", src."is_read_in_full", src."refreshed_at");
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';
delete from "awsdatacatalog"."ecom_analytics_qa"."qa_ingest_reconciliation"
        where
            refreshed_at < cast('<timestamp>' as timestamp)
            and (
                entity <> 'sales'
                or (
                    landed_file_name not in (
                        select manifest.landed_file_name
                        from "awsdatacatalog"."ecom_analytics_staging"."stg_lake__landed_files" as manifest
                        where
                            manifest.entity = 'sales'
                            and manifest.file_status = 'landed'
                            and manifest.landed_file_name is not null
                    )
                    and landed_file_name not in (
                        select refused.landed_file_name
                        from "awsdatacatalog"."ecom_analytics_staging"."stg_lake__refused_rows" as refused
                        where refused.entity = 'sales' and refused.landed_file_name is not null
                    )
                    and landed_file_name not in (
                        select distinct staged.landed_file_name
                        from "awsdatacatalog"."ecom_analytics_staging"."stg_shop__sales" as staged
                        where staged.landed_file_name is not null
                    )
                )
            );
-- boto3 glue.DeleteTable ecom_analytics_qa.qa_ingest_reconciliation__dbt_tmp

-- ---- model.ecom.qa_rejected_customers
select * from (
<compiled code of model.ecom.qa_rejected_customers>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as customer_row_id,
        cast(null as varchar) as customer_id,
        cast(null as varchar) as batch_id,
        cast(null as varchar) as landed_file_name,
        cast(null as varchar) as reject_reason,
        cast(null as varchar) as reject_detail,
        cast(null as varchar) as customer_name,
        cast(null as varchar) as email,
        cast(null as varchar) as city,
        cast(null as varchar) as signup_date_raw,
        cast(null as varchar) as updated_at_raw,
        cast(null as varchar) as raw_row,
        cast(null as integer) as line_number,
        cast(null as date) as ingest_date,
        cast(null as timestamp) as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_qa"."qa_rejected_customers__ha"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_qa/qa_rejected_customers/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.qa_rejected_customers>;
alter table `ecom_analytics_qa`.`qa_rejected_customers` rename to `ecom_analytics_qa`.`qa_rejected_customers__bkp`;
alter table `ecom_analytics_qa`.`qa_rejected_customers__ha` rename to `ecom_analytics_qa`.`qa_rejected_customers`;
-- boto3 glue.DeleteTable ecom_analytics_qa.qa_rejected_customers__bkp
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.qa_rejected_products
select * from (
<compiled code of model.ecom.qa_rejected_products>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as product_row_id,
        cast(null as varchar) as product_id,
        cast(null as varchar) as batch_id,
        cast(null as varchar) as landed_file_name,
        cast(null as varchar) as reject_reason,
        cast(null as varchar) as reject_detail,
        cast(null as varchar) as product_name,
        cast(null as varchar) as category,
        cast(null as varchar) as list_price_raw,
        cast(null as varchar) as stock_quantity_raw,
        cast(null as varchar) as raw_row,
        cast(null as integer) as line_number,
        cast(null as date) as ingest_date,
        cast(null as timestamp) as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_qa"."qa_rejected_products__ha"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_qa/qa_rejected_products/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.qa_rejected_products>;
alter table `ecom_analytics_qa`.`qa_rejected_products` rename to `ecom_analytics_qa`.`qa_rejected_products__bkp`;
alter table `ecom_analytics_qa`.`qa_rejected_products__ha` rename to `ecom_analytics_qa`.`qa_rejected_products`;
-- boto3 glue.DeleteTable ecom_analytics_qa.qa_rejected_products__bkp
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.qa_rejected_sales
delete from "awsdatacatalog"."ecom_analytics_qa"."qa_rejected_sales" where sales_row_id in (select sales_row_id from (select * from "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "awsdatacatalog"."ecom_analytics_qa"."qa_rejected_sales")) as redecided where reject_reason is null);
select * from (
        <compiled code of model.ecom.qa_rejected_sales>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as sales_row_id,
        cast(null as varchar) as transaction_id,
        cast(null as varchar) as customer_id,
        cast(null as varchar) as product_id,
        cast(null as varchar) as batch_id,
        cast(null as varchar) as landed_file_name,
        cast(null as varchar) as reject_reason,
        cast(null as varchar) as reject_detail,
        cast(null as varchar) as quantity_raw,
        cast(null as varchar) as amount_raw,
        cast(null as varchar) as transaction_date_raw,
        cast(null as varchar) as raw_row,
        cast(null as integer) as line_number,
        cast(null as date) as ingest_date,
        cast(null as timestamp) as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_qa"."qa_rejected_sales__dbt_tmp"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_qa/qa_rejected_sales__dbt_tmp/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
      <compiled code of model.ecom.qa_rejected_sales>;
merge into "awsdatacatalog"."ecom_analytics_qa"."qa_rejected_sales" as target using "awsdatacatalog"."ecom_analytics_qa"."qa_rejected_sales__dbt_tmp" as src
          on (target.sales_row_id = src.sales_row_id
      )
      when matched
          then update set"transaction_id" = src."transaction_id","customer_id" = src."customer_id","product_id" = src."product_id","batch_id" = src."batch_id","landed_file_name" = src."landed_file_name","reject_reason" = src."reject_reason","reject_detail" = src."reject_detail","quantity_raw" = src."quantity_raw","amount_raw" = src."amount_raw","transaction_date_raw" = src."transaction_date_raw","raw_row" = src."raw_row","line_number" = src."line_number","ingest_date" = src."ingest_date","refreshed_at" = src."refreshed_at"
      when not matched
        then insert ("sales_row_id", "transaction_id", "customer_id", "product_id", "batch_id", "landed_file_name", "reject_reason", "reject_detail", "quantity_raw", "amount_raw", "transaction_date_raw", "raw_row", "line_number", "ingest_date", "refreshed_at")
         values (src."sales_row_id", src."transaction_id", src."customer_id", src."product_id", src."batch_id", src."landed_file_name", src."reject_reason", src."reject_detail", src."quantity_raw", src."amount_raw", src."transaction_date_raw", src."raw_row", src."line_number", src."ingest_date", src."refreshed_at");
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';
-- boto3 glue.DeleteTable ecom_analytics_qa.qa_rejected_sales__dbt_tmp

-- ---- model.ecom.rpt_customer_lifetime_value
select * from (
<compiled code of model.ecom.rpt_customer_lifetime_value>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as customer_id,
        cast(null as varchar) as customer_name,
        cast(null as varchar) as email,
        cast(null as varchar) as city,
        cast(null as integer) as order_count,
        cast(null as integer) as units_purchased,
        cast(null as decimal(18,2)) as gross_sales,
        cast(null as decimal(18,2)) as returns,
        cast(null as decimal(18,2)) as lifetime_value,
        cast(null as decimal(18,2)) as avg_order_value,
        cast(null as integer) as tenure_days,
        cast(null as integer) as days_since_last_order,
        cast(null as boolean) as is_inferred,
        cast(null as date) as first_order_date,
        cast(null as date) as last_order_date,
        cast(null as date) as as_of_date
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."rpt_customer_lifetime_value__ha"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/rpt_customer_lifetime_value/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.rpt_customer_lifetime_value>;
alter table `ecom_analytics_marts`.`rpt_customer_lifetime_value` rename to `ecom_analytics_marts`.`rpt_customer_lifetime_value__bkp`;
alter table `ecom_analytics_marts`.`rpt_customer_lifetime_value__ha` rename to `ecom_analytics_marts`.`rpt_customer_lifetime_value`;
-- boto3 glue.DeleteTable ecom_analytics_marts.rpt_customer_lifetime_value__bkp
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.rpt_customer_predictions
select * from (
<compiled code of model.ecom.rpt_customer_predictions>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as customer_id,
        cast(null as varchar) as customer_name,
        cast(null as varchar) as email,
        cast(null as varchar) as city,
        cast(null as varchar) as risk_band,
        cast(null as varchar) as model_version,
        cast(null as decimal(9,4)) as buy_probability,
        cast(null as decimal(18,2)) as expected_orders,
        cast(null as decimal(18,2)) as expected_net_sales,
        cast(null as integer) as orders_last_90_days,
        cast(null as decimal(18,2)) as net_sales_last_90_days,
        cast(null as integer) as days_since_last_order,
        cast(null as integer) as horizon_days,
        cast(null as boolean) as is_at_risk,
        cast(null as date) as last_order_date,
        cast(null as date) as as_of_date,
        cast(null as date) as training_cutoff_date,
        cast(null as timestamp) as scored_at
    ) as __dbt_sbq
    where false
    limit 0;
create or replace view
    "awsdatacatalog"."ecom_analytics_marts"."rpt_customer_predictions"
  as
<compiled code of model.ecom.rpt_customer_predictions>;

-- ---- model.ecom.rpt_customer_segments
select * from (
<compiled code of model.ecom.rpt_customer_segments>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as customer_id,
        cast(null as varchar) as segment_code,
        cast(null as varchar) as segment_name,
        cast(null as varchar) as customer_name,
        cast(null as varchar) as city,
        cast(null as varchar) as rfm_score,
        cast(null as integer) as recency_score,
        cast(null as integer) as frequency_score,
        cast(null as integer) as monetary_score,
        cast(null as integer) as days_since_last_order,
        cast(null as integer) as order_count,
        cast(null as decimal(18,2)) as lifetime_value,
        cast(null as boolean) as is_inferred,
        cast(null as date) as last_order_date
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."rpt_customer_segments__ha"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/rpt_customer_segments/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.rpt_customer_segments>;
alter table `ecom_analytics_marts`.`rpt_customer_segments` rename to `ecom_analytics_marts`.`rpt_customer_segments__bkp`;
alter table `ecom_analytics_marts`.`rpt_customer_segments__ha` rename to `ecom_analytics_marts`.`rpt_customer_segments`;
-- boto3 glue.DeleteTable ecom_analytics_marts.rpt_customer_segments__bkp
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.rpt_daily_sales_summary
select * from (
<compiled code of model.ecom.rpt_daily_sales_summary>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as date) as sales_date,
        cast(null as integer) as order_count,
        cast(null as integer) as guest_order_count,
        cast(null as integer) as units_sold,
        cast(null as integer) as units_returned,
        cast(null as decimal(18,2)) as gross_sales,
        cast(null as decimal(18,2)) as discounts,
        cast(null as decimal(18,2)) as returns,
        cast(null as decimal(18,2)) as net_sales,
        cast(null as decimal(18,2)) as shipping,
        cast(null as decimal(18,2)) as fees,
        cast(null as decimal(18,2)) as total_sales,
        cast(null as decimal(18,2)) as avg_order_value,
        cast(null as decimal(18,2)) as avg_items_per_order,
        cast(null as decimal(18,2)) as return_rate_pct,
        cast(null as decimal(18,2)) as guest_net_sales,
        cast(null as decimal(18,2)) as guest_share_pct,
        cast(null as integer) as unique_customers,
        cast(null as integer) as new_customers,
        cast(null as integer) as returning_customers,
        cast(null as timestamp) as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."rpt_daily_sales_summary__dbt_tmp"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/rpt_daily_sales_summary__dbt_tmp/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.rpt_daily_sales_summary>;
insert into "awsdatacatalog"."ecom_analytics_marts"."rpt_daily_sales_summary" ("sales_date", "order_count", "guest_order_count", "units_sold", "units_returned", "gross_sales", "discounts", "returns", "net_sales", "shipping", "fees", "total_sales", "avg_order_value", "avg_items_per_order", "return_rate_pct", "guest_net_sales", "guest_share_pct", "unique_customers", "new_customers", "returning_customers", "refreshed_at")
              (
                 select "sales_date", "order_count", "guest_order_count", "units_sold", "units_returned", "gross_sales", "discounts", "returns", "net_sales", "shipping", "fees", "total_sales", "avg_order_value", "avg_items_per_order", "return_rate_pct", "guest_net_sales", "guest_share_pct", "unique_customers", "new_customers", "returning_customers", "refreshed_at"
                 from "awsdatacatalog"."ecom_analytics_marts"."rpt_daily_sales_summary__dbt_tmp"
              );
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';
delete from "awsdatacatalog"."ecom_analytics_marts"."rpt_daily_sales_summary"
        where
            refreshed_at < cast('<timestamp>' as timestamp)
            and (sales_date in (select distinct cast(transaction_at as date) as sales_date from "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "awsdatacatalog"."ecom_analytics_marts"."rpt_daily_sales_summary" where refreshed_at < cast('<timestamp>' as timestamp)) and transaction_at is not null union select min(order_date) as sales_date from "awsdatacatalog"."ecom_analytics_marts"."fct_orders" where is_order and customer_id in (select changed.customer_id
        from "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated" as changed
        inner join "awsdatacatalog"."ecom_analytics_intermediate"."int_customer_orders" as orders
            on changed.customer_id = orders.customer_id
        where
            changed.refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "awsdatacatalog"."ecom_analytics_marts"."rpt_daily_sales_summary" where refreshed_at < cast('<timestamp>' as timestamp))
            and changed.customer_id is not null
            and cast(changed.transaction_at as date) <= orders.first_order_date) and order_date not in (select distinct cast(transaction_at as date) as sales_date from "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "awsdatacatalog"."ecom_analytics_marts"."rpt_daily_sales_summary" where refreshed_at < cast('<timestamp>' as timestamp)) and transaction_at is not null) group by customer_id));
-- boto3 glue.DeleteTable ecom_analytics_marts.rpt_daily_sales_summary__dbt_tmp

-- ---- model.ecom.rpt_pipeline_runs
select * from (
<compiled code of model.ecom.rpt_pipeline_runs>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as run_id,
        cast(null as varchar) as command,
        cast(null as varchar) as run_status,
        cast(null as varchar) as error_message,
        cast(null as integer) as exit_code,
        cast(null as decimal(18,3)) as duration_seconds,
        cast(null as decimal(18,3)) as ingest_seconds,
        cast(null as decimal(18,3)) as dbt_build_seconds,
        cast(null as decimal(18,3)) as report_seconds,
        cast(null as integer) as files_received,
        cast(null as integer) as files_landed,
        cast(null as integer) as files_quarantined,
        cast(null as integer) as rows_landed,
        cast(null as integer) as rows_rejected,
        cast(null as integer) as models_built,
        cast(null as integer) as models_failed,
        cast(null as integer) as tests_passed,
        cast(null as integer) as tests_warned,
        cast(null as integer) as tests_failed,
        cast(null as integer) as reports_written,
        cast(null as boolean) as is_successful,
        cast(null as boolean) as is_latest_run_of_day,
        cast(null as date) as run_date,
        cast(null as timestamp) as started_at,
        cast(null as timestamp) as finished_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."rpt_pipeline_runs__ha"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/rpt_pipeline_runs/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.rpt_pipeline_runs>;
alter table `ecom_analytics_marts`.`rpt_pipeline_runs` rename to `ecom_analytics_marts`.`rpt_pipeline_runs__bkp`;
alter table `ecom_analytics_marts`.`rpt_pipeline_runs__ha` rename to `ecom_analytics_marts`.`rpt_pipeline_runs`;
-- boto3 glue.DeleteTable ecom_analytics_marts.rpt_pipeline_runs__bkp
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.rpt_recent_transactions
select * from (
<compiled code of model.ecom.rpt_recent_transactions>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as sales_row_id,
        cast(null as varchar) as transaction_id,
        cast(null as integer) as line_number,
        cast(null as varchar) as customer_id,
        cast(null as boolean) as is_guest,
        cast(null as varchar) as product_id,
        cast(null as varchar) as line_type,
        cast(null as boolean) as is_return,
        cast(null as varchar) as customer_key,
        cast(null as varchar) as customer_name,
        cast(null as varchar) as city,
        cast(null as varchar) as product_name,
        cast(null as varchar) as category,
        cast(null as integer) as quantity,
        cast(null as decimal(18,2)) as unit_price,
        cast(null as decimal(18,2)) as amount,
        cast(null as boolean) as is_customer_inferred,
        cast(null as boolean) as is_product_inferred,
        cast(null as date) as transaction_date,
        cast(null as timestamp) as transaction_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."rpt_recent_transactions__ha"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/rpt_recent_transactions/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.rpt_recent_transactions>;
alter table `ecom_analytics_marts`.`rpt_recent_transactions` rename to `ecom_analytics_marts`.`rpt_recent_transactions__bkp`;
alter table `ecom_analytics_marts`.`rpt_recent_transactions__ha` rename to `ecom_analytics_marts`.`rpt_recent_transactions`;
-- boto3 glue.DeleteTable ecom_analytics_marts.rpt_recent_transactions__bkp
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.rpt_sales_by_category
select * from (
<compiled code of model.ecom.rpt_sales_by_category>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as category_day_id,
        cast(null as varchar) as category,
        cast(null as integer) as order_count,
        cast(null as integer) as units_sold,
        cast(null as integer) as units_returned,
        cast(null as integer) as unique_customers,
        cast(null as decimal(18,2)) as gross_sales,
        cast(null as decimal(18,2)) as returns,
        cast(null as decimal(18,2)) as net_sales,
        cast(null as decimal(18,2)) as revenue_share_pct,
        cast(null as date) as sales_date,
        cast(null as timestamp) as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."rpt_sales_by_category__dbt_tmp"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/rpt_sales_by_category__dbt_tmp/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.rpt_sales_by_category>;
insert into "awsdatacatalog"."ecom_analytics_marts"."rpt_sales_by_category" ("category_day_id", "category", "order_count", "units_sold", "units_returned", "unique_customers", "gross_sales", "returns", "net_sales", "revenue_share_pct", "sales_date", "refreshed_at")
              (
                 select "category_day_id", "category", "order_count", "units_sold", "units_returned", "unique_customers", "gross_sales", "returns", "net_sales", "revenue_share_pct", "sales_date", "refreshed_at"
                 from "awsdatacatalog"."ecom_analytics_marts"."rpt_sales_by_category__dbt_tmp"
              );
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';
delete from "awsdatacatalog"."ecom_analytics_marts"."rpt_sales_by_category"
        where
            refreshed_at < cast('<timestamp>' as timestamp)
            and (sales_date in (select distinct cast(transaction_at as date) as sales_date from "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "awsdatacatalog"."ecom_analytics_marts"."rpt_sales_by_category" where refreshed_at < cast('<timestamp>' as timestamp)) and transaction_at is not null union select sales_date from "awsdatacatalog"."ecom_analytics_intermediate"."int_product_sales_days" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "awsdatacatalog"."ecom_analytics_marts"."rpt_sales_by_category" where refreshed_at < cast('<timestamp>' as timestamp))));
-- boto3 glue.DeleteTable ecom_analytics_marts.rpt_sales_by_category__dbt_tmp

-- ---- model.ecom.rpt_sales_by_weekday_hour
select * from (
<compiled code of model.ecom.rpt_sales_by_weekday_hour>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as integer) as weekday_hour_id,
        cast(null as varchar) as day_name,
        cast(null as integer) as day_of_week,
        cast(null as integer) as hour_of_day,
        cast(null as integer) as days_observed,
        cast(null as integer) as order_count,
        cast(null as integer) as units_sold,
        cast(null as decimal(18,2)) as revenue,
        cast(null as decimal(18,2)) as avg_transactions_per_day,
        cast(null as decimal(18,2)) as avg_revenue_per_day
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."rpt_sales_by_weekday_hour__ha"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/rpt_sales_by_weekday_hour/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.rpt_sales_by_weekday_hour>;
alter table `ecom_analytics_marts`.`rpt_sales_by_weekday_hour` rename to `ecom_analytics_marts`.`rpt_sales_by_weekday_hour__bkp`;
alter table `ecom_analytics_marts`.`rpt_sales_by_weekday_hour__ha` rename to `ecom_analytics_marts`.`rpt_sales_by_weekday_hour`;
-- boto3 glue.DeleteTable ecom_analytics_marts.rpt_sales_by_weekday_hour__bkp
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.rpt_top_products
select * from (
<compiled code of model.ecom.rpt_top_products>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
        cast(null as varchar) as top_product_id,
        cast(null as varchar) as product_id,
        cast(null as varchar) as period_type,
        cast(null as varchar) as product_name,
        cast(null as varchar) as category,
        cast(null as integer) as revenue_rank,
        cast(null as integer) as category_revenue_rank,
        cast(null as integer) as order_count,
        cast(null as integer) as units_sold,
        cast(null as integer) as units_returned,
        cast(null as decimal(18,2)) as gross_sales,
        cast(null as decimal(18,2)) as returns,
        cast(null as decimal(18,2)) as net_sales,
        cast(null as date) as period_start_date,
        cast(null as date) as period_end_date,
        cast(null as timestamp) as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create table "awsdatacatalog"."ecom_analytics_marts"."rpt_top_products__dbt_tmp"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_marts/rpt_top_products__dbt_tmp/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.rpt_top_products>;
insert into "awsdatacatalog"."ecom_analytics_marts"."rpt_top_products" ("top_product_id", "product_id", "period_type", "product_name", "category", "revenue_rank", "category_revenue_rank", "order_count", "units_sold", "units_returned", "gross_sales", "returns", "net_sales", "period_start_date", "period_end_date", "refreshed_at")
              (
                 select "top_product_id", "product_id", "period_type", "product_name", "category", "revenue_rank", "category_revenue_rank", "order_count", "units_sold", "units_returned", "gross_sales", "returns", "net_sales", "period_start_date", "period_end_date", "refreshed_at"
                 from "awsdatacatalog"."ecom_analytics_marts"."rpt_top_products__dbt_tmp"
              );
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';
delete from "awsdatacatalog"."ecom_analytics_marts"."rpt_top_products"
        where
            refreshed_at < cast('<timestamp>' as timestamp)
            and (period_type || '|' ||
    cast(period_start_date as VARCHAR)
 in (select touched.period_type || '|' ||
    cast(touched.period_start_date as VARCHAR)
 from (select
            case grains.n when 0 then 'day' when 1 then 'week' else 'month' end as period_type,
            case grains.n
                when 0 then calendar.date_day
                when 1 then calendar.week_start_date
                else calendar.month_start_date
            end as period_start_date
        from "awsdatacatalog"."ecom_analytics_marts"."dim_date" as calendar
        cross join (select
        place_0.digit * 1 as n
    from
        (select 0 as digit union all select 1 union all select 2 union all select 3 union all select 4 union all select 5 union all select 6 union all select 7 union all select 8 union all select 9) as place_0
    where
        place_0.digit * 1 < 3
) as grains
        where calendar.date_day in (select distinct cast(transaction_at as date) as sales_date from "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "awsdatacatalog"."ecom_analytics_marts"."rpt_top_products" where refreshed_at < cast('<timestamp>' as timestamp)) and transaction_at is not null union select sales_date from "awsdatacatalog"."ecom_analytics_intermediate"."int_product_sales_days" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "awsdatacatalog"."ecom_analytics_marts"."rpt_top_products" where refreshed_at < cast('<timestamp>' as timestamp)))) as touched));
-- boto3 glue.DeleteTable ecom_analytics_marts.rpt_top_products__dbt_tmp

-- ---- model.ecom.stg_lake__landed_files
create or replace view
    "awsdatacatalog"."ecom_analytics_staging"."stg_lake__landed_files"
  as
<compiled code of model.ecom.stg_lake__landed_files>;

-- ---- model.ecom.stg_lake__refused_rows
create or replace view
    "awsdatacatalog"."ecom_analytics_staging"."stg_lake__refused_rows"
  as
    <compiled code of model.ecom.stg_lake__refused_rows>;

-- ---- model.ecom.stg_ops__pipeline_runs
create or replace view
    "awsdatacatalog"."ecom_analytics_staging"."stg_ops__pipeline_runs"
  as
<compiled code of model.ecom.stg_ops__pipeline_runs>;

-- ---- model.ecom.stg_predictions__customer_scores
create schema if not exists `ecom_analytics_predictions`;
create external table if not exists `ecom_analytics_predictions`.`customer_scores` (
        `customer_id` string,
        `risk_band` string,
        `model_version` string,
        `buy_probability` decimal(9,4),
        `expected_orders` decimal(18,2),
        `expected_net_sales` decimal(18,2),
        `orders_last_90_days` int,
        `net_sales_last_90_days` decimal(18,2),
        `days_since_last_order` int,
        `horizon_days` int,
        `last_order_date` date,
        `as_of_date` date,
        `training_cutoff_date` date,
        `scored_at` timestamp
    )
    stored as parquet
    location '<s3_data_dir>/ecom_analytics_predictions/customer_scores/';
create or replace view
    "awsdatacatalog"."ecom_analytics_staging"."stg_predictions__customer_scores"
  as
<compiled code of model.ecom.stg_predictions__customer_scores>;

-- ---- model.ecom.stg_shop__customers
create table "awsdatacatalog"."ecom_analytics_staging"."stg_shop__customers__dbt_tmp"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_staging/stg_shop__customers__dbt_tmp/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.stg_shop__customers>;
insert into "awsdatacatalog"."ecom_analytics_staging"."stg_shop__customers" ("customer_row_id", "customer_id", "batch_id", "landed_file_name", "customer_name", "email", "city", "signup_date_raw", "updated_at_raw", "signup_date", "ingest_date", "updated_at", "refreshed_at")
              (
                 select "customer_row_id", "customer_id", "batch_id", "landed_file_name", "customer_name", "email", "city", "signup_date_raw", "updated_at_raw", "signup_date", "ingest_date", "updated_at", "refreshed_at"
                 from "awsdatacatalog"."ecom_analytics_staging"."stg_shop__customers__dbt_tmp"
              );
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';
-- boto3 glue.DeleteTable ecom_analytics_staging.stg_shop__customers__dbt_tmp

-- ---- model.ecom.stg_shop__products
create or replace view
    "awsdatacatalog"."ecom_analytics_staging"."stg_shop__products"
  as
    <compiled code of model.ecom.stg_shop__products>;

-- ---- model.ecom.stg_shop__sales
create table "awsdatacatalog"."ecom_analytics_staging"."stg_shop__sales__dbt_tmp"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_staging/stg_shop__sales__dbt_tmp/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
<compiled code of model.ecom.stg_shop__sales>;
insert into "awsdatacatalog"."ecom_analytics_staging"."stg_shop__sales" ("sales_row_id", "transaction_id", "customer_id", "product_id", "batch_id", "landed_file_name", "quantity_raw", "amount_raw", "transaction_date_raw", "line_number_raw", "line_type_raw", "original_transaction_id", "quantity", "amount", "line_number", "ingest_date", "transaction_at", "refreshed_at")
              (
                 select "sales_row_id", "transaction_id", "customer_id", "product_id", "batch_id", "landed_file_name", "quantity_raw", "amount_raw", "transaction_date_raw", "line_number_raw", "line_type_raw", "original_transaction_id", "quantity", "amount", "line_number", "ingest_date", "transaction_at", "refreshed_at"
                 from "awsdatacatalog"."ecom_analytics_staging"."stg_shop__sales__dbt_tmp"
              );
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';
-- boto3 glue.DeleteTable ecom_analytics_staging.stg_shop__sales__dbt_tmp

-- ---- seed.ecom.reject_reasons
-- boto3 glue.DeleteTable ecom_analytics_reference.reject_reasons
-- boto3 glue.DeleteTable ecom_analytics_reference.reject_reasons__dbt_tmp
create external table `ecom_analytics_reference`.`reject_reasons__dbt_tmp` (`entity` string, `reject_reason` string, `rule_order` string, `description` string, `what_to_do` string)
    row format serde 'org.apache.hadoop.hive.serde2.OpenCSVSerde'
    location '<s3_data_dir>/ecom_analytics_reference/reject_reasons__dbt_tmp/<uuid>'
    tblproperties (
      'skip.header.line.count'='1'
    );
create table "awsdatacatalog"."ecom_analytics_reference"."reject_reasons"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_reference/reject_reasons/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
    select
              cast(nullif("entity", '') as varchar) as "entity"
            ,
              cast(nullif("reject_reason", '') as varchar) as "reject_reason"
            ,
              cast(nullif("rule_order", '') as integer) as "rule_order"
            ,
              cast(nullif("description", '') as varchar) as "description"
            ,
              cast(nullif("what_to_do", '') as varchar) as "what_to_do"
    from
        "awsdatacatalog"."ecom_analytics_reference"."reject_reasons__dbt_tmp";
-- boto3 glue.DeleteTable ecom_analytics_reference.reject_reasons__dbt_tmp

-- ---- seed.ecom.rfm_segments
-- boto3 glue.DeleteTable ecom_analytics_reference.rfm_segments
-- boto3 glue.DeleteTable ecom_analytics_reference.rfm_segments__dbt_tmp
create external table `ecom_analytics_reference`.`rfm_segments__dbt_tmp` (`segment_code` string, `segment_name` string, `display_order` string, `rule` string, `description` string, `suggested_action` string)
    row format serde 'org.apache.hadoop.hive.serde2.OpenCSVSerde'
    location '<s3_data_dir>/ecom_analytics_reference/rfm_segments__dbt_tmp/<uuid>'
    tblproperties (
      'skip.header.line.count'='1'
    );
create table "awsdatacatalog"."ecom_analytics_reference"."rfm_segments"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_reference/rfm_segments/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
    select
              cast(nullif("segment_code", '') as varchar) as "segment_code"
            ,
              cast(nullif("segment_name", '') as varchar) as "segment_name"
            ,
              cast(nullif("display_order", '') as integer) as "display_order"
            ,
              cast(nullif("rule", '') as varchar) as "rule"
            ,
              cast(nullif("description", '') as varchar) as "description"
            ,
              cast(nullif("suggested_action", '') as varchar) as "suggested_action"
    from
        "awsdatacatalog"."ecom_analytics_reference"."rfm_segments__dbt_tmp";
-- boto3 glue.DeleteTable ecom_analytics_reference.rfm_segments__dbt_tmp

-- ---- snapshot.ecom.snp_shop__customers
create table "awsdatacatalog"."ecom_analytics_snapshots"."snp_shop__customers__dbt_tmp"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_snapshots/snp_shop__customers__dbt_tmp/<uuid>',
      write_compression='zstd',
      format='parquet'
    )
    as
    with snapshot_query as (
    <compiled code of snapshot.ecom.snp_shop__customers>
),
snapshotted_data as (
    select *,
        customer_id as dbt_unique_key
    from "awsdatacatalog"."ecom_analytics_snapshots"."snp_shop__customers"
        where
                dbt_valid_to is null
),
insertions_source_data as (
    select *,
        customer_id as dbt_unique_key
,
            updated_at as dbt_updated_at,
            updated_at as dbt_valid_from,
  coalesce(nullif(updated_at, updated_at), null)
  as dbt_valid_to
,
            to_hex(md5(to_utf8(coalesce(cast(customer_id as varchar ), '')
         || '|' || coalesce(cast(updated_at as varchar ), '')
        ))) as dbt_scd_id
    from snapshot_query
    ),
updates_source_data as (
    select *,
        customer_id as dbt_unique_key
,
            updated_at as dbt_updated_at,
            updated_at as dbt_valid_from,
            updated_at as dbt_valid_to
    from snapshot_query
    ),
insertions as (
    select
            'insert' as dbt_change_type,
            source_data.*
    from insertions_source_data as source_data
        left outer join snapshotted_data
            on
        snapshotted_data.dbt_unique_key = source_data.dbt_unique_key
        where
        snapshotted_data.dbt_unique_key is null
        or (
        snapshotted_data.dbt_unique_key is not null
 and (
               (snapshotted_data.dbt_valid_from < source_data.updated_at)
            )
    )
),
updates as (
    select
            'update' as dbt_change_type,
            source_data.*,
            snapshotted_data.dbt_scd_id
    from updates_source_data as source_data
        join snapshotted_data
            on
        snapshotted_data.dbt_unique_key = source_data.dbt_unique_key
    where (
            (snapshotted_data.dbt_valid_from < source_data.updated_at)
        )
    )
select * from insertions
    union all
    select * from updates;
merge into "awsdatacatalog"."ecom_analytics_snapshots"."snp_shop__customers" as dbt_internal_dest
    using "awsdatacatalog"."ecom_analytics_snapshots"."snp_shop__customers__dbt_tmp" as dbt_internal_source
    on dbt_internal_source.dbt_scd_id = dbt_internal_dest.dbt_scd_id
when matched
     and dbt_internal_dest.dbt_valid_to is null
     and dbt_internal_source.dbt_change_type in ('update', 'delete')
        then update
        set dbt_valid_to = dbt_internal_source.dbt_valid_to
when not matched
     and dbt_internal_source.dbt_change_type = 'insert'
        then insert ("customer_id", "customer_row_id", "batch_id", "landed_file_name", "customer_name", "email", "city", "signup_date", "ingest_date", "updated_at", "dbt_scd_id", "dbt_updated_at", "dbt_valid_from", "dbt_valid_to")
        values (dbt_internal_source."customer_id", dbt_internal_source."customer_row_id", dbt_internal_source."batch_id", dbt_internal_source."landed_file_name", dbt_internal_source."customer_name", dbt_internal_source."email", dbt_internal_source."city", dbt_internal_source."signup_date", dbt_internal_source."ingest_date", dbt_internal_source."updated_at", dbt_internal_source."dbt_scd_id", dbt_internal_source."dbt_updated_at", dbt_internal_source."dbt_valid_from", dbt_internal_source."dbt_valid_to");
-- boto3 glue.DeleteTable ecom_analytics_snapshots.snp_shop__customers__dbt_tmp

-- ---- test.ecom.accepted_range_dim_customers_version_number__1.1e388faf41
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.accepted_range_dim_customers_version_number__1.1e388faf41>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_range_dim_products_list_price__0.7997f21324
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.accepted_range_dim_products_list_price__0.7997f21324>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_range_rpt_top_products_revenue_rank__1.0d0808815c
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.accepted_range_rpt_top_products_revenue_rank__1.0d0808815c>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_ranges_dim_date__min_value_1_max_value_4____min_value_1_max_value_12____min_value_1_max_value_7_.a1f084ce5b
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_ranges_dim_date__min_value_1_max_value_4____min_value_1_max_value_12____min_value_1_max_value_7_.a1f084ce5b>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_ranges_rpt_customer_lifetime_value__min_value_1____min_value_0____min_value_0_.28c2f249a7
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_ranges_rpt_customer_lifetime_value__min_value_1____min_value_0____min_value_0_.28c2f249a7>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_ranges_rpt_customer_segments__min_value_1_max_value_5____min_value_1_max_value_5____min_value_1_max_value_5_.c61a0955ea
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_ranges_rpt_customer_segments__min_value_1_max_value_5____min_value_1_max_value_5____min_value_1_max_value_5_.c61a0955ea>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_ranges_rpt_daily_sales_summary__min_value_0____min_value_0_.b5bf44def5
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_ranges_rpt_daily_sales_summary__min_value_0____min_value_0_.b5bf44def5>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_ranges_rpt_sales_by_weekday_hour__min_value_0_max_value_167____min_value_1_max_value_7____min_value_0_max_value_23_.ad71bc96f9
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_ranges_rpt_sales_by_weekday_hour__min_value_0_max_value_167____min_value_1_max_value_7____min_value_0_max_value_23_.ad71bc96f9>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_dim_date_day_name__Monday__Tuesday__Wednesday__Thursday__Friday__Saturday__Sunday.1469a59162
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_dim_date_day_name__Monday__Tuesday__Wednesday__Thursday__Friday__Saturday__Sunday.1469a59162>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_fct_sales_line_type__merchandise__shipping__fee__discount__voucher__adjustment.6677f9fce9
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_fct_sales_line_type__merchandise__shipping__fee__discount__voucher__adjustment.6677f9fce9>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_fct_sales_return_match__declared__same_order__customer_product__unmatched.d929fbf73d
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_fct_sales_return_match__declared__same_order__customer_product__unmatched.d929fbf73d>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_qa_ingest_reconciliation_entity__sales__products__customers.8e8b1c6154
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_qa_ingest_reconciliation_entity__sales__products__customers.8e8b1c6154>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_reject_reasons_entity__sales__products__customers.16f2428a83
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_reject_reasons_entity__sales__products__customers.16f2428a83>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_rpt_customer_segments_segment_code__champions__loyal_customers__potential_loyalists__new_customers__needs_attention__at_risk__hibernating__lost.29309baaf7
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_rpt_customer_segments_segment_code__champions__loyal_customers__potential_loyalists__new_customers__needs_attention__at_risk__hibernating__lost.29309baaf7>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_rpt_pipeline_runs_exit_code__False__0__1__2__3.db1d3055ec
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_rpt_pipeline_runs_exit_code__False__0__1__2__3.db1d3055ec>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_rpt_pipeline_runs_run_status__running__succeeded__data_quarantined__data_rejected__data_stale__failed__interrupted.78d8ba5cd3
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_rpt_pipeline_runs_run_status__running__succeeded__data_quarantined__data_rejected__data_stale__failed__interrupted.78d8ba5cd3>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_rpt_top_products_period_type__day__week__month.8d238afd18
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_rpt_top_products_period_type__day__week__month.8d238afd18>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_stg_lake__landed_files_entity__sales__products__customers.4cc58c265f
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_stg_lake__landed_files_entity__sales__products__customers.4cc58c265f>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_stg_lake__landed_files_file_status__pending__landed__quarantined.e4d45e2769
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_stg_lake__landed_files_file_status__pending__landed__quarantined.e4d45e2769>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_stg_lake__refused_rows_entity__sales__products__customers.43a04b00af
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_stg_lake__refused_rows_entity__sales__products__customers.43a04b00af>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_stg_ops__pipeline_runs_run_status__running__succeeded__data_quarantined__data_rejected__data_stale__failed.a1ea3dc497
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_stg_ops__pipeline_runs_run_status__running__succeeded__data_quarantined__data_rejected__data_stale__failed.a1ea3dc497>
    ) dbt_internal_test;

-- ---- test.ecom.assert_cast_if_well_formed_accepts_only_documented_formats
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.assert_cast_if_well_formed_accepts_only_documented_formats>
    ) dbt_internal_test;

-- ---- test.ecom.assert_category_shares_add_up_to_one_hundred_percent
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.assert_category_shares_add_up_to_one_hundred_percent>
    ) dbt_internal_test;

-- ---- test.ecom.assert_customer_versions_form_one_unbroken_timeline
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.assert_customer_versions_form_one_unbroken_timeline>
    ) dbt_internal_test;

-- ---- test.ecom.assert_daily_summary_equals_fct_sales
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.assert_daily_summary_equals_fct_sales>
    ) dbt_internal_test;

-- ---- test.ecom.assert_dim_date_is_an_unbroken_calendar
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.assert_dim_date_is_an_unbroken_calendar>
    ) dbt_internal_test;

-- ---- test.ecom.assert_every_landed_file_is_read_in_full
select entity, landed_file_name, rows_received, rows_staged, rows_refused from "awsdatacatalog"."ecom_analytics_qa"."qa_ingest_reconciliation" where rows_received is not null and rows_landed != rows_received order by entity, landed_file_name;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.assert_every_landed_file_is_read_in_full>
    ) dbt_internal_test;

-- ---- test.ecom.assert_every_landed_row_is_used_or_rejected_once
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.assert_every_landed_row_is_used_or_rejected_once>
    ) dbt_internal_test;

-- ---- test.ecom.assert_every_sale_has_one_customer_version_at_its_time
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.assert_every_sale_has_one_customer_version_at_its_time>
    ) dbt_internal_test;

-- ---- test.ecom.assert_initcap_capitalises_every_word
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.assert_initcap_capitalises_every_word>
    ) dbt_internal_test;

-- ---- test.ecom.assert_iso8601_to_utc_applies_offsets
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.assert_iso8601_to_utc_applies_offsets>
    ) dbt_internal_test;

-- ---- test.ecom.assert_money_ratio_rounds_half_up
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.assert_money_ratio_rounds_half_up>
    ) dbt_internal_test;

-- ---- test.ecom.assert_report_totals_equal_fct_sales
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.assert_report_totals_equal_fct_sales>
    ) dbt_internal_test;

-- ---- test.ecom.expression_is_true_fct_orders_net_sales_gross_sales_discounts_returns_and_total_sales_net_sales_shipping_fees.30908e7d83
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.expression_is_true_fct_orders_net_sales_gross_sales_discounts_returns_and_total_sales_net_sales_shipping_fees.30908e7d83>
    ) dbt_internal_test;

-- ---- test.ecom.expression_is_true_qa_ingest_reconciliation_rows_landed_rows_used_rows_rejected.248ef4945a
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.expression_is_true_qa_ingest_reconciliation_rows_landed_rows_used_rows_rejected.248ef4945a>
    ) dbt_internal_test;

-- ---- test.ecom.expression_is_true_rpt_customer_lifetime_value_first_order_date_last_order_date_and_last_order_date_as_of_date.f1a7a037c8
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.expression_is_true_rpt_customer_lifetime_value_first_order_date_last_order_date_and_last_order_date_as_of_date.f1a7a037c8>
    ) dbt_internal_test;

-- ---- test.ecom.expression_is_true_rpt_customer_predictions_risk_band_in_high_medium_low_and_buy_probability_between_0_and_1_and_expected_orders_0_and_days_since_last_order_0_and_last_order_date_as_of_date_and_training_cutoff_date_as_of_date.049bd544d4
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.expression_is_true_rpt_customer_predictions_risk_band_in_high_medium_low_and_buy_probability_between_0_and_1_and_expected_orders_0_and_days_since_last_order_0_and_last_order_date_as_of_date_and_training_cutoff_date_as_of_date.049bd544d4>
    ) dbt_internal_test;

-- ---- test.ecom.expression_is_true_rpt_daily_sales_summary_unique_customers_new_customers_returning_customers_and_net_sales_gross_sales_discounts_returns_and_total_sales_net_sales_shipping_fees.544f26c53b
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.expression_is_true_rpt_daily_sales_summary_unique_customers_new_customers_returning_customers_and_net_sales_gross_sales_discounts_returns_and_total_sales_net_sales_shipping_fees.544f26c53b>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_dim_customers_customer_id__customer_name__version_number__is_current__is_inferred__is_guest__valid_from__valid_to.961f5f08e7
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_dim_customers_customer_id__customer_name__version_number__is_current__is_inferred__is_guest__valid_from__valid_to.961f5f08e7>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_dim_date_day_name__month_name__year_number__quarter_number__month_number__day_of_month__day_of_week__is_weekend__week_start_date__month_start_date__quarter_start_date__year_start_date.28e9833751
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_dim_date_day_name__month_name__year_number__quarter_number__month_number__day_of_month__day_of_week__is_weekend__week_start_date__month_start_date__quarter_start_date__year_start_date.28e9833751>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_dim_products_product_name__category__is_inferred.adbb91b39f
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_dim_products_product_name__category__is_inferred.adbb91b39f>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_fct_orders_customer_id__is_guest__order_at__order_date__line_count__units_sold__units_returned__gross_sales__discounts__returns__net_sales__shipping__fees__total_sales__is_order__has_return__refreshed_at.d6733ba359
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_fct_orders_customer_id__is_guest__order_at__order_date__line_count__units_sold__units_returned__gross_sales__discounts__returns__net_sales__shipping__fees__total_sales__is_order__has_return__refreshed_at.d6733ba359>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_fct_sales_line_number__customer_id__is_guest__product_id__line_type__is_return__is_zero_price__batch_id__landed_file_name__quantity__amount__unit_price__transaction_date__ingest_date__transaction_at__refreshed_at__transaction_id.3f67c496f4
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_fct_sales_line_number__customer_id__is_guest__product_id__line_type__is_return__is_zero_price__batch_id__landed_file_name__quantity__amount__unit_price__transaction_date__ingest_date__transaction_at__refreshed_at__transaction_id.3f67c496f4>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_int_customers_deduplicated_customer_row_id__updated_at.d7160917a2
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_int_customers_deduplicated_customer_row_id__updated_at.d7160917a2>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_int_product_sales_days_product_id__sales_date.2cfcecd9eb
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_int_product_sales_days_product_id__sales_date.2cfcecd9eb>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_int_sales_enriched_category__day_of_week.7d6fe2ac19
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_int_sales_enriched_category__day_of_week.7d6fe2ac19>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_int_sales_hourly_sales_date__hour_of_day.bc9d5ebc6b
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_int_sales_hourly_sales_date__hour_of_day.bc9d5ebc6b>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_qa_ingest_reconciliation_entity__batch_id__landed_file_name__rows_landed__rows_used__rows_rejected__is_balanced__rows_staged__rows_refused__refreshed_at.fc683ddc4e
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_qa_ingest_reconciliation_entity__batch_id__landed_file_name__rows_landed__rows_used__rows_rejected__is_balanced__rows_staged__rows_refused__refreshed_at.fc683ddc4e>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_qa_rejected_customers_batch_id__landed_file_name__reject_reason__refreshed_at.5f4d70a4db
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_qa_rejected_customers_batch_id__landed_file_name__reject_reason__refreshed_at.5f4d70a4db>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_qa_rejected_products_batch_id__landed_file_name__reject_reason__refreshed_at.09e514ea07
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_qa_rejected_products_batch_id__landed_file_name__reject_reason__refreshed_at.09e514ea07>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_qa_rejected_sales_batch_id__landed_file_name__reject_reason__refreshed_at.37b4d1d2bf
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_qa_rejected_sales_batch_id__landed_file_name__reject_reason__refreshed_at.37b4d1d2bf>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_rpt_customer_lifetime_value_customer_name__order_count__units_purchased__lifetime_value__avg_order_value__tenure_days__days_since_last_order__is_inferred__first_order_date__last_order_date__as_of_date.c4c5b1dfc0
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_rpt_customer_lifetime_value_customer_name__order_count__units_purchased__lifetime_value__avg_order_value__tenure_days__days_since_last_order__is_inferred__first_order_date__last_order_date__as_of_date.c4c5b1dfc0>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_rpt_customer_predictions_customer_name__risk_band__model_version__buy_probability__expected_orders__expected_net_sales__orders_last_90_days__net_sales_last_90_days__days_since_last_order__horizon_days__is_at_risk__last_order_date__as_of_date__training_cutoff_date__scored_at.9fd6c83d3b
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_rpt_customer_predictions_customer_name__risk_band__model_version__buy_probability__expected_orders__expected_net_sales__orders_last_90_days__net_sales_last_90_days__days_since_last_order__horizon_days__is_at_risk__last_order_date__as_of_date__training_cutoff_date__scored_at.9fd6c83d3b>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_rpt_customer_segments_segment_code__segment_name__rfm_score__recency_score__frequency_score__monetary_score.430f33b367
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_rpt_customer_segments_segment_code__segment_name__rfm_score__recency_score__frequency_score__monetary_score.430f33b367>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_rpt_daily_sales_summary_order_count__guest_order_count__units_sold__units_returned__gross_sales__discounts__returns__net_sales__shipping__fees__total_sales__guest_net_sales__unique_customers__new_customers__returning_customers__refreshed_at.13ff27fb8b
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_rpt_daily_sales_summary_order_count__guest_order_count__units_sold__units_returned__gross_sales__discounts__returns__net_sales__shipping__fees__total_sales__guest_net_sales__unique_customers__new_customers__returning_customers__refreshed_at.13ff27fb8b>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_rpt_pipeline_runs_run_status__run_date__started_at.00295cb704
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_rpt_pipeline_runs_run_status__run_date__started_at.00295cb704>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_rpt_recent_transactions_customer_id__product_id__customer_key__is_customer_inferred__is_product_inferred__transaction_id__line_number.02e0c02a3e
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_rpt_recent_transactions_customer_id__product_id__customer_key__is_customer_inferred__is_product_inferred__transaction_id__line_number.02e0c02a3e>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_rpt_sales_by_category_category__order_count__units_sold__units_returned__unique_customers__gross_sales__returns__net_sales__sales_date__refreshed_at.7d6f8ec5a5
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_rpt_sales_by_category_category__order_count__units_sold__units_returned__unique_customers__gross_sales__returns__net_sales__sales_date__refreshed_at.7d6f8ec5a5>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_rpt_sales_by_weekday_hour_day_of_week__hour_of_day__days_observed__order_count__units_sold__revenue.f615689724
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_rpt_sales_by_weekday_hour_day_of_week__hour_of_day__days_observed__order_count__units_sold__revenue.f615689724>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_rpt_top_products_product_id__period_type__revenue_rank__category_revenue_rank__order_count__units_sold__units_returned__gross_sales__returns__net_sales__period_start_date__period_end_date__refreshed_at.e7679ef50a
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_rpt_top_products_product_id__period_type__revenue_rank__category_revenue_rank__order_count__units_sold__units_returned__gross_sales__returns__net_sales__period_start_date__period_end_date__refreshed_at.e7679ef50a>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_stg_lake__landed_files_entity__sha256.412eb9b565
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_stg_lake__landed_files_entity__sha256.412eb9b565>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_stg_lake__refused_rows_entity__batch_id__landed_file_name__reject_reason__ingest_date.316dcc9552
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_stg_lake__refused_rows_entity__batch_id__landed_file_name__reject_reason__ingest_date.316dcc9552>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_stg_ops__pipeline_runs_run_status__run_date__started_at.b785ede7b4
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_stg_ops__pipeline_runs_run_status__run_date__started_at.b785ede7b4>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_stg_shop__customers_batch_id__landed_file_name__ingest_date.327885132e
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_stg_shop__customers_batch_id__landed_file_name__ingest_date.327885132e>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_stg_shop__products_batch_id__landed_file_name__ingest_date.541bdfc326
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_stg_shop__products_batch_id__landed_file_name__ingest_date.541bdfc326>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_stg_shop__sales_batch_id__landed_file_name__ingest_date.66f0d7f8d2
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_stg_shop__sales_batch_id__landed_file_name__ingest_date.66f0d7f8d2>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_dim_customers_customer_key.4bebfb3411
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_dim_customers_customer_key.4bebfb3411>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_dim_date_date_day.e3f312efb2
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_dim_date_date_day.e3f312efb2>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_dim_products_product_id.c8aba288d1
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_dim_products_product_id.c8aba288d1>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_fct_orders_transaction_id.d81b0d5bda
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_fct_orders_transaction_id.d81b0d5bda>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_fct_sales_sales_row_id.5c450311ef
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_fct_sales_sales_row_id.5c450311ef>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_int_customer_orders_customer_id.30936d5e82
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_int_customer_orders_customer_id.30936d5e82>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_int_customers_deduplicated_customer_id.88c96059ac
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_int_customers_deduplicated_customer_id.88c96059ac>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_int_customers_validated_customer_row_id.1085abc363
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_int_customers_validated_customer_row_id.1085abc363>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_int_product_sales_days_product_day_id.a1d7b59bc0
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_int_product_sales_days_product_day_id.a1d7b59bc0>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_int_products_validated_product_row_id.315f4fa35b
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_int_products_validated_product_row_id.315f4fa35b>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_int_sales_enriched_sales_row_id.29953c4bbb
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_int_sales_enriched_sales_row_id.29953c4bbb>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_int_sales_enriched_transaction_id.30e8fabcda
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_int_sales_enriched_transaction_id.30e8fabcda>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_int_sales_hourly_sales_hour.8614910d91
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_int_sales_hourly_sales_hour.8614910d91>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_int_sales_validated_line_type.c11a7c6c1f
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_int_sales_validated_line_type.c11a7c6c1f>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_int_sales_validated_sales_row_id.d6c9ec4dbe
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_int_sales_validated_sales_row_id.d6c9ec4dbe>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_qa_ingest_reconciliation_reconciliation_id.e4996c1cce
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_qa_ingest_reconciliation_reconciliation_id.e4996c1cce>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_qa_rejected_customers_customer_row_id.584c9cc317
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_qa_rejected_customers_customer_row_id.584c9cc317>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_qa_rejected_products_product_row_id.c1aa4cab6d
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_qa_rejected_products_product_row_id.c1aa4cab6d>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_qa_rejected_sales_sales_row_id.26c61628d6
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_qa_rejected_sales_sales_row_id.26c61628d6>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_reject_reasons_description.b3e5578d4b
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_reject_reasons_description.b3e5578d4b>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_reject_reasons_entity.e390feb6c7
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_reject_reasons_entity.e390feb6c7>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_reject_reasons_reject_reason.7c41e9a356
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_reject_reasons_reject_reason.7c41e9a356>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_reject_reasons_rule_order.b01fcedd23
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_reject_reasons_rule_order.b01fcedd23>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_reject_reasons_what_to_do.e311019a23
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_reject_reasons_what_to_do.e311019a23>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rfm_segments_display_order.d6e376dcf6
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rfm_segments_display_order.d6e376dcf6>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rfm_segments_segment_code.18e25e932c
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rfm_segments_segment_code.18e25e932c>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rfm_segments_segment_name.ac43a97539
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rfm_segments_segment_name.ac43a97539>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rpt_customer_lifetime_value_customer_id.bf4d313000
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rpt_customer_lifetime_value_customer_id.bf4d313000>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rpt_customer_predictions_customer_id.3ba0efe5c1
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rpt_customer_predictions_customer_id.3ba0efe5c1>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rpt_customer_segments_customer_id.d1bc0ceac1
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rpt_customer_segments_customer_id.d1bc0ceac1>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rpt_daily_sales_summary_sales_date.a7f6c7471c
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rpt_daily_sales_summary_sales_date.a7f6c7471c>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rpt_pipeline_runs_run_id.e16eaa092a
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rpt_pipeline_runs_run_id.e16eaa092a>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rpt_recent_transactions_sales_row_id.1c8a77c368
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rpt_recent_transactions_sales_row_id.1c8a77c368>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rpt_sales_by_category_category_day_id.cc966ba18d
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rpt_sales_by_category_category_day_id.cc966ba18d>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rpt_sales_by_weekday_hour_weekday_hour_id.8d39ee868f
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rpt_sales_by_weekday_hour_weekday_hour_id.8d39ee868f>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rpt_top_products_top_product_id.338a7bdf79
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rpt_top_products_top_product_id.338a7bdf79>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_snp_shop__customers_dbt_scd_id.d3e9eb95b9
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_snp_shop__customers_dbt_scd_id.d3e9eb95b9>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_stg_lake__landed_files_manifest_entry_id.724a6e12d1
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_stg_lake__landed_files_manifest_entry_id.724a6e12d1>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_stg_lake__refused_rows_refused_row_id.bfb6322fe8
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_stg_lake__refused_rows_refused_row_id.bfb6322fe8>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_stg_ops__pipeline_runs_run_id.3fd546600b
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_stg_ops__pipeline_runs_run_id.3fd546600b>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_stg_predictions__customer_scores_customer_id.5587405ac6
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_stg_predictions__customer_scores_customer_id.5587405ac6>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_stg_shop__customers_customer_row_id.0cebee604b
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_stg_shop__customers_customer_row_id.0cebee604b>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_stg_shop__products_product_row_id.4d59c41f81
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_stg_shop__products_product_row_id.4d59c41f81>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_stg_shop__sales_sales_row_id.12af1268b6
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_stg_shop__sales_sales_row_id.12af1268b6>
    ) dbt_internal_test;

-- ---- test.ecom.qa_ingest_reconciliation_reject_rate_below_20_percent.28a12c7f25
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.qa_ingest_reconciliation_reject_rate_below_20_percent.28a12c7f25>
    ) dbt_internal_test;

-- ---- test.ecom.reject_reason_is_documented_int_customers_validated_reject_reason__customers.0de9a6cfab
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.reject_reason_is_documented_int_customers_validated_reject_reason__customers.0de9a6cfab>
    ) dbt_internal_test;

-- ---- test.ecom.reject_reason_is_documented_int_products_validated_reject_reason__products.0e64efe5ca
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.reject_reason_is_documented_int_products_validated_reject_reason__products.0e64efe5ca>
    ) dbt_internal_test;

-- ---- test.ecom.reject_reason_is_documented_int_sales_validated_reject_reason__sales.46606c54a3
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.reject_reason_is_documented_int_sales_validated_reject_reason__sales.46606c54a3>
    ) dbt_internal_test;

-- ---- test.ecom.reject_reason_is_documented_qa_rejected_customers_reject_reason__customers.ef21e42612
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.reject_reason_is_documented_qa_rejected_customers_reject_reason__customers.ef21e42612>
    ) dbt_internal_test;

-- ---- test.ecom.reject_reason_is_documented_qa_rejected_products_reject_reason__products.b8570f281a
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.reject_reason_is_documented_qa_rejected_products_reject_reason__products.b8570f281a>
    ) dbt_internal_test;

-- ---- test.ecom.reject_reason_is_documented_qa_rejected_sales_reject_reason__sales.ca1f5f31e1
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.reject_reason_is_documented_qa_rejected_sales_reject_reason__sales.ca1f5f31e1>
    ) dbt_internal_test;

-- ---- test.ecom.relationships_fct_orders_customer_id__customer_id__ref_dim_customers_.d5636051d4
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.relationships_fct_orders_customer_id__customer_id__ref_dim_customers_.d5636051d4>
    ) dbt_internal_test;

-- ---- test.ecom.relationships_fct_sales_customer_id__customer_id__ref_dim_customers_.3a0287e3ee
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.relationships_fct_sales_customer_id__customer_id__ref_dim_customers_.3a0287e3ee>
    ) dbt_internal_test;

-- ---- test.ecom.relationships_fct_sales_product_id__product_id__ref_dim_products_.a7d0443098
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.relationships_fct_sales_product_id__product_id__ref_dim_products_.a7d0443098>
    ) dbt_internal_test;

-- ---- test.ecom.relationships_fct_sales_transaction_date__date_day__ref_dim_date_.314dedd45c
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.relationships_fct_sales_transaction_date__date_day__ref_dim_date_.314dedd45c>
    ) dbt_internal_test;

-- ---- test.ecom.relationships_fct_sales_transaction_id__transaction_id__ref_fct_orders_.a27843d6b6
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.relationships_fct_sales_transaction_id__transaction_id__ref_fct_orders_.a27843d6b6>
    ) dbt_internal_test;

-- ---- test.ecom.relationships_rpt_customer_segments_customer_id__customer_id__ref_rpt_customer_lifetime_value_.d5b66b3b2a
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.relationships_rpt_customer_segments_customer_id__customer_id__ref_rpt_customer_lifetime_value_.d5b66b3b2a>
    ) dbt_internal_test;

-- ---- test.ecom.relationships_rpt_recent_transactions_customer_key__customer_key__ref_dim_customers_.9c5e0636b7
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.relationships_rpt_recent_transactions_customer_key__customer_key__ref_dim_customers_.9c5e0636b7>
    ) dbt_internal_test;

-- ---- test.ecom.relationships_rpt_recent_transactions_transaction_id__transaction_id__ref_fct_orders_.9ca094186f
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.relationships_rpt_recent_transactions_transaction_id__transaction_id__ref_fct_orders_.9ca094186f>
    ) dbt_internal_test;

-- ---- test.ecom.relationships_rpt_top_products_product_id__product_id__ref_dim_products_.eceaf98dd4
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.relationships_rpt_top_products_product_id__product_id__ref_dim_products_.eceaf98dd4>
    ) dbt_internal_test;

-- ---- test.ecom.unique_combination_of_columns_dim_customers_customer_id__version_number.17625da40c
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_combination_of_columns_dim_customers_customer_id__version_number.17625da40c>
    ) dbt_internal_test;

-- ---- test.ecom.unique_combination_of_columns_fct_sales_transaction_id__line_number.a482b7af07
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_combination_of_columns_fct_sales_transaction_id__line_number.a482b7af07>
    ) dbt_internal_test;

-- ---- test.ecom.unique_combination_of_columns_int_sales_validated_transaction_id__line_number.d6e4f01e2f
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_combination_of_columns_int_sales_validated_transaction_id__line_number.d6e4f01e2f>
    ) dbt_internal_test;

-- ---- test.ecom.unique_combination_of_columns_reject_reasons_entity__reject_reason.ff6b8f6822
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_combination_of_columns_reject_reasons_entity__reject_reason.ff6b8f6822>
    ) dbt_internal_test;

-- ---- test.ecom.unique_combination_of_columns_reject_reasons_entity__rule_order.04f9ebe715
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_combination_of_columns_reject_reasons_entity__rule_order.04f9ebe715>
    ) dbt_internal_test;

-- ---- test.ecom.unique_combination_of_columns_rpt_recent_transactions_transaction_id__line_number.29c7f6167d
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_combination_of_columns_rpt_recent_transactions_transaction_id__line_number.29c7f6167d>
    ) dbt_internal_test;

-- ---- test.ecom.unique_combination_of_columns_rpt_top_products_period_type__period_start_date__revenue_rank.87823394e7
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_combination_of_columns_rpt_top_products_period_type__period_start_date__revenue_rank.87823394e7>
    ) dbt_internal_test;

-- ---- test.ecom.unique_dim_customers_customer_key.ad8156656e
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_dim_customers_customer_key.ad8156656e>
    ) dbt_internal_test;

-- ---- test.ecom.unique_dim_date_date_day.d56fd19199
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_dim_date_date_day.d56fd19199>
    ) dbt_internal_test;

-- ---- test.ecom.unique_dim_products_product_id.ef7b2a9985
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_dim_products_product_id.ef7b2a9985>
    ) dbt_internal_test;

-- ---- test.ecom.unique_fct_orders_transaction_id.110c9a27e4
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_fct_orders_transaction_id.110c9a27e4>
    ) dbt_internal_test;

-- ---- test.ecom.unique_fct_sales_sales_row_id.2cb9f9b3a4
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_fct_sales_sales_row_id.2cb9f9b3a4>
    ) dbt_internal_test;

-- ---- test.ecom.unique_int_customer_orders_customer_id.72a7c96028
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_int_customer_orders_customer_id.72a7c96028>
    ) dbt_internal_test;

-- ---- test.ecom.unique_int_customers_deduplicated_customer_id.7b175d7e61
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_int_customers_deduplicated_customer_id.7b175d7e61>
    ) dbt_internal_test;

-- ---- test.ecom.unique_int_customers_validated_customer_row_id.72ae88b935
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_int_customers_validated_customer_row_id.72ae88b935>
    ) dbt_internal_test;

-- ---- test.ecom.unique_int_product_sales_days_product_day_id.04bee59c60
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_int_product_sales_days_product_day_id.04bee59c60>
    ) dbt_internal_test;

-- ---- test.ecom.unique_int_products_validated_product_row_id.c85cbf7d61
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_int_products_validated_product_row_id.c85cbf7d61>
    ) dbt_internal_test;

-- ---- test.ecom.unique_int_sales_enriched_sales_row_id.2b48f5926f
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_int_sales_enriched_sales_row_id.2b48f5926f>
    ) dbt_internal_test;

-- ---- test.ecom.unique_int_sales_hourly_sales_hour.c8e0d4ab1b
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_int_sales_hourly_sales_hour.c8e0d4ab1b>
    ) dbt_internal_test;

-- ---- test.ecom.unique_int_sales_validated_sales_row_id.407104d4f2
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_int_sales_validated_sales_row_id.407104d4f2>
    ) dbt_internal_test;

-- ---- test.ecom.unique_qa_ingest_reconciliation_reconciliation_id.37a5e51bf0
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_qa_ingest_reconciliation_reconciliation_id.37a5e51bf0>
    ) dbt_internal_test;

-- ---- test.ecom.unique_qa_rejected_customers_customer_row_id.19046269c6
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_qa_rejected_customers_customer_row_id.19046269c6>
    ) dbt_internal_test;

-- ---- test.ecom.unique_qa_rejected_products_product_row_id.4fc94ee741
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_qa_rejected_products_product_row_id.4fc94ee741>
    ) dbt_internal_test;

-- ---- test.ecom.unique_qa_rejected_sales_sales_row_id.20435c27fa
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_qa_rejected_sales_sales_row_id.20435c27fa>
    ) dbt_internal_test;

-- ---- test.ecom.unique_rfm_segments_display_order.2c0f1a2b23
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_rfm_segments_display_order.2c0f1a2b23>
    ) dbt_internal_test;

-- ---- test.ecom.unique_rfm_segments_segment_code.aedc63149c
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_rfm_segments_segment_code.aedc63149c>
    ) dbt_internal_test;

-- ---- test.ecom.unique_rpt_customer_lifetime_value_customer_id.1517cd2290
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_rpt_customer_lifetime_value_customer_id.1517cd2290>
    ) dbt_internal_test;

-- ---- test.ecom.unique_rpt_customer_predictions_customer_id.5bfa929dc9
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_rpt_customer_predictions_customer_id.5bfa929dc9>
    ) dbt_internal_test;

-- ---- test.ecom.unique_rpt_customer_segments_customer_id.8e3a0cb271
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_rpt_customer_segments_customer_id.8e3a0cb271>
    ) dbt_internal_test;

-- ---- test.ecom.unique_rpt_daily_sales_summary_sales_date.e0bb359821
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_rpt_daily_sales_summary_sales_date.e0bb359821>
    ) dbt_internal_test;

-- ---- test.ecom.unique_rpt_pipeline_runs_run_id.abc2f21619
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_rpt_pipeline_runs_run_id.abc2f21619>
    ) dbt_internal_test;

-- ---- test.ecom.unique_rpt_recent_transactions_sales_row_id.811011a7bb
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_rpt_recent_transactions_sales_row_id.811011a7bb>
    ) dbt_internal_test;

-- ---- test.ecom.unique_rpt_sales_by_category_category_day_id.6b314f311f
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_rpt_sales_by_category_category_day_id.6b314f311f>
    ) dbt_internal_test;

-- ---- test.ecom.unique_rpt_sales_by_weekday_hour_weekday_hour_id.7769870cb7
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_rpt_sales_by_weekday_hour_weekday_hour_id.7769870cb7>
    ) dbt_internal_test;

-- ---- test.ecom.unique_rpt_top_products_top_product_id.2aa8993fd9
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_rpt_top_products_top_product_id.2aa8993fd9>
    ) dbt_internal_test;

-- ---- test.ecom.unique_snp_shop__customers_dbt_scd_id.138cdef152
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_snp_shop__customers_dbt_scd_id.138cdef152>
    ) dbt_internal_test;

-- ---- test.ecom.unique_stg_lake__landed_files_manifest_entry_id.e9b156ec50
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_stg_lake__landed_files_manifest_entry_id.e9b156ec50>
    ) dbt_internal_test;

-- ---- test.ecom.unique_stg_lake__refused_rows_refused_row_id.466a3fecdd
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_stg_lake__refused_rows_refused_row_id.466a3fecdd>
    ) dbt_internal_test;

-- ---- test.ecom.unique_stg_ops__pipeline_runs_run_id.7185b69c19
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_stg_ops__pipeline_runs_run_id.7185b69c19>
    ) dbt_internal_test;

-- ---- test.ecom.unique_stg_predictions__customer_scores_customer_id.4a5e7560f5
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_stg_predictions__customer_scores_customer_id.4a5e7560f5>
    ) dbt_internal_test;

-- ---- test.ecom.unique_stg_shop__customers_customer_row_id.1dc739e4b8
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_stg_shop__customers_customer_row_id.1dc739e4b8>
    ) dbt_internal_test;

-- ---- test.ecom.unique_stg_shop__products_product_row_id.5936f35e8f
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_stg_shop__products_product_row_id.5936f35e8f>
    ) dbt_internal_test;

-- ---- test.ecom.unique_stg_shop__sales_sales_row_id.d68b533822
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_stg_shop__sales_sales_row_id.d68b533822>
    ) dbt_internal_test;

-- ======== scenario: maintenance ========

-- ---- macro_iceberg_maintenance
optimize awsdatacatalog.ecom_analytics_intermediate.int_product_sales_days rewrite data using bin_pack;
vacuum awsdatacatalog.ecom_analytics_intermediate.int_product_sales_days;
optimize awsdatacatalog.ecom_analytics_intermediate.int_sales_validated rewrite data using bin_pack;
vacuum awsdatacatalog.ecom_analytics_intermediate.int_sales_validated;
optimize awsdatacatalog.ecom_analytics_intermediate.int_sales_hourly rewrite data using bin_pack;
vacuum awsdatacatalog.ecom_analytics_intermediate.int_sales_hourly;
optimize awsdatacatalog.ecom_analytics_intermediate.int_customers_validated rewrite data using bin_pack;
vacuum awsdatacatalog.ecom_analytics_intermediate.int_customers_validated;
optimize awsdatacatalog.ecom_analytics_intermediate.int_customer_orders rewrite data using bin_pack;
vacuum awsdatacatalog.ecom_analytics_intermediate.int_customer_orders;
optimize awsdatacatalog.ecom_analytics_marts.rpt_sales_by_category rewrite data using bin_pack;
vacuum awsdatacatalog.ecom_analytics_marts.rpt_sales_by_category;
optimize awsdatacatalog.ecom_analytics_marts.rpt_top_products rewrite data using bin_pack;
vacuum awsdatacatalog.ecom_analytics_marts.rpt_top_products;
optimize awsdatacatalog.ecom_analytics_marts.rpt_daily_sales_summary rewrite data using bin_pack;
vacuum awsdatacatalog.ecom_analytics_marts.rpt_daily_sales_summary;
optimize awsdatacatalog.ecom_analytics_qa.qa_rejected_sales rewrite data using bin_pack;
vacuum awsdatacatalog.ecom_analytics_qa.qa_rejected_sales;
optimize awsdatacatalog.ecom_analytics_qa.qa_ingest_reconciliation rewrite data using bin_pack;
vacuum awsdatacatalog.ecom_analytics_qa.qa_ingest_reconciliation;
optimize awsdatacatalog.ecom_analytics_marts.fct_sales rewrite data using bin_pack where transaction_date >= current_date - interval '7' day;
vacuum awsdatacatalog.ecom_analytics_marts.fct_sales;
optimize awsdatacatalog.ecom_analytics_marts.fct_orders rewrite data using bin_pack where order_date >= current_date - interval '7' day;
vacuum awsdatacatalog.ecom_analytics_marts.fct_orders;
optimize awsdatacatalog.ecom_analytics_staging.stg_shop__sales rewrite data using bin_pack;
vacuum awsdatacatalog.ecom_analytics_staging.stg_shop__sales;
optimize awsdatacatalog.ecom_analytics_staging.stg_shop__customers rewrite data using bin_pack;
vacuum awsdatacatalog.ecom_analytics_staging.stg_shop__customers;
optimize awsdatacatalog.ecom_analytics_snapshots.snp_shop__customers rewrite data using bin_pack;
vacuum awsdatacatalog.ecom_analytics_snapshots.snp_shop__customers;
