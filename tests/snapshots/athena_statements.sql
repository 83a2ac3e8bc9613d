-- Statements dbt-athena sends for `dbt run --target athena`, captured offline
-- (tests/python/aws_statements.py). Regenerate: ECOM_UPDATE_SNAPSHOTS=1 pytest tests/python/test_aws_materializations.py

-- ======== scenario: first_deployment ========

-- ---- create_awsdatacatalog_ecom_analytics_intermediate
create schema if not exists `ecom_analytics_intermediate`;

-- ---- create_awsdatacatalog_ecom_analytics_marts
create schema if not exists `ecom_analytics_marts`;

-- ---- create_awsdatacatalog_ecom_analytics_qa
create schema if not exists `ecom_analytics_qa`;

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
      format='parquet'
    )
    as
<compiled code of model.ecom.int_product_sales_days>;
select '{"rowcount":-1,"data_scanned_in_bytes":0}';

-- ---- model.ecom.int_products_validated
create table "awsdatacatalog"."ecom_analytics_intermediate"."int_products_validated"
    with (
      table_type='hive',
      is_external=true,external_location='<s3_data_dir>/ecom_analytics_intermediate/int_products_validated/<uuid>',
      format='parquet'
    )
    as
<compiled code of model.ecom.int_products_validated>;
alter table `ecom_analytics_intermediate`.`int_products_validated` set tblproperties ('classification' = 'parquet');
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

-- ---- model.ecom.stg_shop__customers
create table "awsdatacatalog"."ecom_analytics_staging"."stg_shop__customers"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_staging/stg_shop__customers/<uuid>',
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
      format='parquet'
    )
    as
<compiled code of model.ecom.stg_shop__sales>;
select '{"rowcount":-1,"data_scanned_in_bytes":0}';

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
              target.order_date in (select distinct cast(transaction_at as date) from "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "awsdatacatalog"."ecom_analytics_marts"."fct_orders") and transaction_at is not null)
          )
      )
      when matched
          then update set"customer_id" = src."customer_id","is_guest" = src."is_guest","order_at" = src."order_at","order_date" = src."order_date","line_count" = src."line_count","units_sold" = src."units_sold","units_returned" = src."units_returned","gross_sales" = src."gross_sales","discounts" = src."discounts","returns" = src."returns","net_sales" = src."net_sales","shipping" = src."shipping","fees" = src."fees","total_sales" = src."total_sales","is_order" = src."is_order","has_return" = src."has_return","refreshed_at" = src."refreshed_at"
      when not matched
        then insert ("transaction_id", "customer_id", "is_guest", "order_at", "order_date", "line_count", "units_sold", "units_returned", "gross_sales", "discounts", "returns", "net_sales", "shipping", "fees", "total_sales", "is_order", "has_return", "refreshed_at")
         values (src."transaction_id", src."customer_id", src."is_guest", src."order_at", src."order_date", src."line_count", src."units_sold", src."units_returned", src."gross_sales", src."discounts", src."returns", src."net_sales", src."shipping", src."fees", src."total_sales", src."is_order", src."has_return", src."refreshed_at");
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

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
              target.transaction_date in (select distinct cast(transaction_at as date) from "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "awsdatacatalog"."ecom_analytics_marts"."fct_sales") and transaction_at is not null union select distinct transaction_date from "awsdatacatalog"."ecom_analytics_marts"."fct_sales" where transaction_id in (select transaction_id from "awsdatacatalog"."ecom_analytics_marts"."fct_sales" where is_return and return_match in ('customer_product', 'unmatched') and not is_guest and customer_id in (select customer_id from "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "awsdatacatalog"."ecom_analytics_marts"."fct_sales") and customer_id is not null)))
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

-- ---- model.ecom.int_customer_orders
create table "awsdatacatalog"."ecom_analytics_intermediate"."int_customer_orders__dbt_tmp"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_intermediate/int_customer_orders__dbt_tmp/<uuid>',
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

-- ---- model.ecom.int_product_sales_days
create table "awsdatacatalog"."ecom_analytics_intermediate"."int_product_sales_days__dbt_tmp"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_intermediate/int_product_sales_days__dbt_tmp/<uuid>',
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

-- ---- model.ecom.int_products_validated
create table "awsdatacatalog"."ecom_analytics_intermediate"."int_products_validated"
    with (
      table_type='hive',
      is_external=true,external_location='<s3_data_dir>/ecom_analytics_intermediate/int_products_validated/<uuid>',
      format='parquet'
    )
    as
<compiled code of model.ecom.int_products_validated>;
alter table `ecom_analytics_intermediate`.`int_products_validated` set tblproperties ('classification' = 'parquet');
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

-- ---- model.ecom.int_sales_validated
create table "awsdatacatalog"."ecom_analytics_intermediate"."int_sales_validated__dbt_tmp"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_intermediate/int_sales_validated__dbt_tmp/<uuid>',
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
SELECT '{"rowcount":-1,"data_scanned_in_bytes":0}';

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

-- ---- model.ecom.stg_shop__customers
create table "awsdatacatalog"."ecom_analytics_staging"."stg_shop__customers__dbt_tmp"
    with (
      table_type='iceberg',
      is_external=false,location='<s3_data_dir>/ecom_analytics_staging/stg_shop__customers__dbt_tmp/<uuid>',
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
