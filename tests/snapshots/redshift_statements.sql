-- Statements dbt-redshift sends for `build --exclude-resource-type unit_test --target redshift`, captured offline
-- (tests/python/aws_statements.py), and on Athena the Glue table deletions made through boto3.
-- Regenerate: ECOM_UPDATE_SNAPSHOTS=1 pytest tests/python/test_aws_materializations.py

-- ======== scenario: first_deployment ========

-- ---- create_dev_analytics_intermediate
BEGIN;
create schema if not exists "analytics_intermediate";
COMMIT;

-- ---- create_dev_analytics_marts
BEGIN;
create schema if not exists "analytics_marts";
COMMIT;

-- ---- create_dev_analytics_qa
BEGIN;
create schema if not exists "analytics_qa";
COMMIT;

-- ---- create_dev_analytics_reference
BEGIN;
create schema if not exists "analytics_reference";
COMMIT;

-- ---- create_dev_analytics_snapshots
BEGIN;
create schema if not exists "analytics_snapshots";
COMMIT;

-- ---- create_dev_analytics_staging
BEGIN;
create schema if not exists "analytics_staging";
COMMIT;

-- ---- list_dev
select distinct nspname from pg_namespace;
select distinct nspname from pg_namespace;
select distinct nspname from pg_namespace;
select distinct nspname from pg_namespace;
select distinct nspname from pg_namespace;
select distinct nspname from pg_namespace;

-- ---- list_dev_analytics_intermediate
BEGIN;
/* dbt metadata query: relations in analytics_intermediate */;

-- ---- list_dev_analytics_marts
BEGIN;
/* dbt metadata query: relations in analytics_marts */;

-- ---- list_dev_analytics_qa
BEGIN;
/* dbt metadata query: relations in analytics_qa */;

-- ---- list_dev_analytics_reference
BEGIN;
/* dbt metadata query: relations in analytics_reference */;

-- ---- list_dev_analytics_snapshots
BEGIN;
/* dbt metadata query: relations in analytics_snapshots */;

-- ---- list_dev_analytics_staging
BEGIN;
/* dbt metadata query: relations in analytics_staging */;

-- ---- master
BEGIN;
with
    relation as (
        select
            pg_class.oid as relation_id,
            pg_class.relname as relation_name,
            pg_class.relnamespace as schema_id,
            pg_namespace.nspname as schema_name,
            pg_class.relkind as relation_type
        from pg_class
        join pg_namespace
          on pg_class.relnamespace = pg_namespace.oid
        where pg_namespace.nspname != 'information_schema'
          and pg_namespace.nspname not like 'pg\_%'
    ),
    dependency as (
        select distinct
            coalesce(pg_rewrite.ev_class, pg_depend.objid) as dep_relation_id,
            pg_depend.refobjid as ref_relation_id,
            pg_depend.refclassid as ref_class_id
        from pg_depend
        left join pg_rewrite
          on pg_depend.objid = pg_rewrite.oid
        where coalesce(pg_rewrite.ev_class, pg_depend.objid) != pg_depend.refobjid
    )
select distinct
    dep.schema_name as dependent_schema,
    dep.relation_name as dependent_name,
    ref.schema_name as referenced_schema,
    ref.relation_name as referenced_name
from dependency
join relation ref
    on dependency.ref_relation_id = ref.relation_id
join relation dep
    on dependency.dep_relation_id = dep.relation_id;
BEGIN;
COMMIT;
select 1;
BEGIN;
COMMIT;

-- ---- model.ecom.dim_customers
select * from (
<compiled code of model.ecom.dim_customers>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as customer_key,
    cast(null as varchar(65535))
 as customer_id,
    cast(null as varchar(65535))
 as customer_name,
    cast(null as varchar(65535))
 as email,
    cast(null as varchar(65535))
 as city,
    cast(null as integer)
 as version_number,
    cast(null as boolean)
 as is_current,
    cast(null as boolean)
 as is_inferred,
    cast(null as boolean)
 as is_guest,
    cast(null as date)
 as signup_date,
    cast(null as timestamp)
 as valid_from,
    cast(null as timestamp)
 as valid_to,
    cast(null as timestamp)
 as updated_at
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."dim_customers__dbt_tmp"
  (
    customer_key varchar(65535) not null,
    customer_id varchar(65535) not null,
    customer_name varchar(65535),
    email varchar(65535),
    city varchar(65535),
    version_number integer,
    is_current boolean,
    is_inferred boolean,
    is_guest boolean,
    signup_date date,
    valid_from timestamp,
    valid_to timestamp,
    updated_at timestamp
    )
    diststyle all
  ;
insert into "dev"."analytics_marts"."dim_customers__dbt_tmp"
    (
    select customer_key, customer_id, customer_name, email, city, version_number, is_current, is_inferred, is_guest, signup_date, valid_from, valid_to, updated_at
    from (
<compiled code of model.ecom.dim_customers>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."dim_customers__dbt_tmp" rename to "dim_customers";
comment on table "dev"."analytics_marts"."dim_customers" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.dim_customers */;
/* dbt metadata query: columns of analytics_marts.dim_customers */;
comment on column "dev"."analytics_marts"."dim_customers".customer_key is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".customer_id is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".customer_name is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".email is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".city is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".version_number is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".is_current is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".is_inferred is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".is_guest is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".signup_date is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".valid_from is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".valid_to is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".updated_at is <description from the yml>;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."dim_customers__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.dim_date
select * from (
<compiled code of model.ecom.dim_date>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as date)
 as date_day,
    cast(null as varchar(65535))
 as day_name,
    cast(null as varchar(65535))
 as month_name,
    cast(null as integer)
 as year_number,
    cast(null as integer)
 as quarter_number,
    cast(null as integer)
 as month_number,
    cast(null as integer)
 as day_of_month,
    cast(null as integer)
 as day_of_week,
    cast(null as boolean)
 as is_weekend,
    cast(null as date)
 as week_start_date,
    cast(null as date)
 as month_start_date,
    cast(null as date)
 as quarter_start_date,
    cast(null as date)
 as year_start_date
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."dim_date__dbt_tmp"
  (
    date_day date not null,
    day_name varchar(65535),
    month_name varchar(65535),
    year_number integer,
    quarter_number integer,
    month_number integer,
    day_of_month integer,
    day_of_week integer,
    is_weekend boolean,
    week_start_date date,
    month_start_date date,
    quarter_start_date date,
    year_start_date date
    )
    diststyle all
  ;
insert into "dev"."analytics_marts"."dim_date__dbt_tmp"
    (
    select date_day, day_name, month_name, year_number, quarter_number, month_number, day_of_month, day_of_week, is_weekend, week_start_date, month_start_date, quarter_start_date, year_start_date
    from (
<compiled code of model.ecom.dim_date>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."dim_date__dbt_tmp" rename to "dim_date";
comment on table "dev"."analytics_marts"."dim_date" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.dim_date */;
/* dbt metadata query: columns of analytics_marts.dim_date */;
comment on column "dev"."analytics_marts"."dim_date".date_day is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".day_name is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".month_name is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".year_number is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".quarter_number is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".month_number is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".day_of_month is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".day_of_week is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".is_weekend is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".week_start_date is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".month_start_date is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".quarter_start_date is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".year_start_date is <description from the yml>;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."dim_date__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.dim_products
select * from (
<compiled code of model.ecom.dim_products>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as product_id,
    cast(null as varchar(65535))
 as product_name,
    cast(null as varchar(65535))
 as category,
    cast(null as decimal(18,2))
 as list_price,
    cast(null as integer)
 as stock_quantity,
    cast(null as boolean)
 as is_inferred,
    cast(null as date)
 as catalog_ingest_date
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."dim_products__dbt_tmp"
  (
    product_id varchar(65535) not null,
    product_name varchar(65535),
    category varchar(65535),
    list_price decimal(18,2),
    stock_quantity integer,
    is_inferred boolean,
    catalog_ingest_date date
    )
    diststyle all
  ;
insert into "dev"."analytics_marts"."dim_products__dbt_tmp"
    (
    select product_id, product_name, category, list_price, stock_quantity, is_inferred, catalog_ingest_date
    from (
<compiled code of model.ecom.dim_products>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."dim_products__dbt_tmp" rename to "dim_products";
comment on table "dev"."analytics_marts"."dim_products" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.dim_products */;
/* dbt metadata query: columns of analytics_marts.dim_products */;
comment on column "dev"."analytics_marts"."dim_products".product_id is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_products".product_name is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_products".category is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_products".list_price is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_products".stock_quantity is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_products".is_inferred is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_products".catalog_ingest_date is <description from the yml>;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."dim_products__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.fct_orders
select * from (
<compiled code of model.ecom.fct_orders>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as transaction_id,
    cast(null as varchar(65535))
 as customer_id,
    cast(null as boolean)
 as is_guest,
    cast(null as timestamp)
 as order_at,
    cast(null as date)
 as order_date,
    cast(null as integer)
 as line_count,
    cast(null as integer)
 as units_sold,
    cast(null as integer)
 as units_returned,
    cast(null as decimal(18,2))
 as gross_sales,
    cast(null as decimal(18,2))
 as discounts,
    cast(null as decimal(18,2))
 as returns,
    cast(null as decimal(18,2))
 as net_sales,
    cast(null as decimal(18,2))
 as shipping,
    cast(null as decimal(18,2))
 as fees,
    cast(null as decimal(18,2))
 as total_sales,
    cast(null as boolean)
 as is_order,
    cast(null as boolean)
 as has_return,
    cast(null as timestamp)
 as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."fct_orders"
  (
    transaction_id varchar(65535) not null,
    customer_id varchar(65535),
    is_guest boolean,
    order_at timestamp,
    order_date date,
    line_count integer,
    units_sold integer,
    units_returned integer,
    gross_sales decimal(18,2),
    discounts decimal(18,2),
    returns decimal(18,2),
    net_sales decimal(18,2),
    shipping decimal(18,2),
    fees decimal(18,2),
    total_sales decimal(18,2),
    is_order boolean,
    has_return boolean,
    refreshed_at timestamp
    )
    diststyle key distkey (customer_id)
      compound sortkey(order_at)
  ;
insert into "dev"."analytics_marts"."fct_orders"
    (
    select transaction_id, customer_id, is_guest, order_at, order_date, line_count, units_sold, units_returned, gross_sales, discounts, returns, net_sales, shipping, fees, total_sales, is_order, has_return, refreshed_at
    from (
<compiled code of model.ecom.fct_orders>
    ) as model_subq
    )
  ;
comment on table "dev"."analytics_marts"."fct_orders" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.fct_orders */;
/* dbt metadata query: columns of analytics_marts.fct_orders */;
comment on column "dev"."analytics_marts"."fct_orders".transaction_id is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".customer_id is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".is_guest is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".order_at is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".order_date is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".line_count is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".units_sold is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".units_returned is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".gross_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".discounts is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".returns is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".net_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".shipping is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".fees is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".total_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".is_order is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".has_return is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".refreshed_at is <description from the yml>;
COMMIT;

-- ---- model.ecom.fct_sales
select * from (
<compiled code of model.ecom.fct_sales>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as sales_row_id,
    cast(null as varchar(65535))
 as transaction_id,
    cast(null as integer)
 as line_number,
    cast(null as varchar(65535))
 as customer_id,
    cast(null as boolean)
 as is_guest,
    cast(null as varchar(65535))
 as product_id,
    cast(null as varchar(65535))
 as line_type,
    cast(null as boolean)
 as is_return,
    cast(null as boolean)
 as is_zero_price,
    cast(null as varchar(65535))
 as original_transaction_id,
    cast(null as varchar(65535))
 as return_match,
    cast(null as varchar(65535))
 as batch_id,
    cast(null as varchar(65535))
 as landed_file_name,
    cast(null as integer)
 as quantity,
    cast(null as decimal(18,2))
 as amount,
    cast(null as decimal(18,2))
 as unit_price,
    cast(null as date)
 as transaction_date,
    cast(null as date)
 as ingest_date,
    cast(null as timestamp)
 as transaction_at,
    cast(null as timestamp)
 as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."fct_sales"
  (
    sales_row_id varchar(65535) not null,
    transaction_id varchar(65535) not null,
    line_number integer,
    customer_id varchar(65535) not null,
    is_guest boolean,
    product_id varchar(65535) not null,
    line_type varchar(65535),
    is_return boolean,
    is_zero_price boolean,
    original_transaction_id varchar(65535),
    return_match varchar(65535),
    batch_id varchar(65535),
    landed_file_name varchar(65535),
    quantity integer,
    amount decimal(18,2),
    unit_price decimal(18,2),
    transaction_date date,
    ingest_date date,
    transaction_at timestamp,
    refreshed_at timestamp
    )
    diststyle key distkey (customer_id)
      compound sortkey(transaction_at)
  ;
insert into "dev"."analytics_marts"."fct_sales"
    (
    select sales_row_id, transaction_id, line_number, customer_id, is_guest, product_id, line_type, is_return, is_zero_price, original_transaction_id, return_match, batch_id, landed_file_name, quantity, amount, unit_price, transaction_date, ingest_date, transaction_at, refreshed_at
    from (
<compiled code of model.ecom.fct_sales>
    ) as model_subq
    )
  ;
comment on table "dev"."analytics_marts"."fct_sales" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.fct_sales */;
/* dbt metadata query: columns of analytics_marts.fct_sales */;
comment on column "dev"."analytics_marts"."fct_sales".sales_row_id is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".transaction_id is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".line_number is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".customer_id is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".is_guest is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".product_id is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".line_type is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".is_return is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".is_zero_price is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".original_transaction_id is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".return_match is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".batch_id is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".landed_file_name is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".quantity is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".amount is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".unit_price is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".transaction_date is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".ingest_date is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".transaction_at is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".refreshed_at is <description from the yml>;
COMMIT;

-- ---- model.ecom.int_customer_orders
BEGIN;
create  table
    "dev"."analytics_intermediate"."int_customer_orders"
  as (
<compiled code of model.ecom.int_customer_orders>
  );
COMMIT;

-- ---- model.ecom.int_customers_deduplicated
BEGIN;
create view "dev"."analytics_intermediate"."int_customers_deduplicated__dbt_tmp" as (
<compiled code of model.ecom.int_customers_deduplicated>
  ) ;
alter table "dev"."analytics_intermediate"."int_customers_deduplicated__dbt_tmp" rename to "int_customers_deduplicated";
COMMIT;
BEGIN;
drop view if exists "dev"."analytics_intermediate"."int_customers_deduplicated__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.int_customers_validated
BEGIN;
create  table
    "dev"."analytics_intermediate"."int_customers_validated"
  as (
<compiled code of model.ecom.int_customers_validated>
  );
COMMIT;

-- ---- model.ecom.int_product_sales_days
BEGIN;
create  table
    "dev"."analytics_intermediate"."int_product_sales_days"
  as (
<compiled code of model.ecom.int_product_sales_days>
  );
COMMIT;

-- ---- model.ecom.int_products_validated
BEGIN;
create  table
    "dev"."analytics_intermediate"."int_products_validated__dbt_tmp"
  as (
<compiled code of model.ecom.int_products_validated>
  );
alter table "dev"."analytics_intermediate"."int_products_validated__dbt_tmp" rename to "int_products_validated";
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_intermediate"."int_products_validated__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.int_sales_enriched
BEGIN;
create view "dev"."analytics_intermediate"."int_sales_enriched__dbt_tmp" as (
<compiled code of model.ecom.int_sales_enriched>
  ) ;
alter table "dev"."analytics_intermediate"."int_sales_enriched__dbt_tmp" rename to "int_sales_enriched";
COMMIT;
BEGIN;
drop view if exists "dev"."analytics_intermediate"."int_sales_enriched__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.int_sales_hourly
BEGIN;
create  table
    "dev"."analytics_intermediate"."int_sales_hourly"
  as (
<compiled code of model.ecom.int_sales_hourly>
  );
COMMIT;

-- ---- model.ecom.int_sales_validated
BEGIN;
create  table
    "dev"."analytics_intermediate"."int_sales_validated"
  as (
<compiled code of model.ecom.int_sales_validated>
  );
COMMIT;

-- ---- model.ecom.qa_ingest_reconciliation
select * from (
        <compiled code of model.ecom.qa_ingest_reconciliation>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as reconciliation_id,
    cast(null as varchar(65535))
 as entity,
    cast(null as varchar(65535))
 as batch_id,
    cast(null as varchar(65535))
 as landed_file_name,
    cast(null as integer)
 as rows_landed,
    cast(null as integer)
 as rows_used,
    cast(null as integer)
 as rows_rejected,
    cast(null as boolean)
 as is_balanced,
    cast(null as date)
 as ingest_date,
    cast(null as integer)
 as rows_received,
    cast(null as integer)
 as rows_staged,
    cast(null as integer)
 as rows_refused,
    cast(null as boolean)
 as is_read_in_full,
    cast(null as timestamp)
 as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_qa"."qa_ingest_reconciliation"
  (
    reconciliation_id varchar(65535) not null,
    entity varchar(65535),
    batch_id varchar(65535),
    landed_file_name varchar(65535),
    rows_landed integer,
    rows_used integer,
    rows_rejected integer,
    is_balanced boolean,
    ingest_date date,
    rows_received integer,
    rows_staged integer,
    rows_refused integer,
    is_read_in_full boolean,
    refreshed_at timestamp
    )
  ;
insert into "dev"."analytics_qa"."qa_ingest_reconciliation"
    (
    select reconciliation_id, entity, batch_id, landed_file_name, rows_landed, rows_used, rows_rejected, is_balanced, ingest_date, rows_received, rows_staged, rows_refused, is_read_in_full, refreshed_at
    from (
        <compiled code of model.ecom.qa_ingest_reconciliation>
    ) as model_subq
    )
  ;
comment on table "dev"."analytics_qa"."qa_ingest_reconciliation" is <description from the yml>;
/* dbt metadata query: columns of analytics_qa.qa_ingest_reconciliation */;
/* dbt metadata query: columns of analytics_qa.qa_ingest_reconciliation */;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".reconciliation_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".entity is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".batch_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".landed_file_name is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_landed is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_used is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_rejected is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".is_balanced is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".ingest_date is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_received is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_staged is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_refused is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".is_read_in_full is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".refreshed_at is <description from the yml>;
COMMIT;

-- ---- model.ecom.qa_rejected_customers
select * from (
<compiled code of model.ecom.qa_rejected_customers>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as customer_row_id,
    cast(null as varchar(65535))
 as customer_id,
    cast(null as varchar(65535))
 as batch_id,
    cast(null as varchar(65535))
 as landed_file_name,
    cast(null as varchar(65535))
 as reject_reason,
    cast(null as varchar(65535))
 as reject_detail,
    cast(null as varchar(65535))
 as customer_name,
    cast(null as varchar(65535))
 as email,
    cast(null as varchar(65535))
 as city,
    cast(null as varchar(65535))
 as signup_date_raw,
    cast(null as varchar(65535))
 as updated_at_raw,
    cast(null as varchar(65535))
 as raw_row,
    cast(null as integer)
 as line_number,
    cast(null as date)
 as ingest_date,
    cast(null as timestamp)
 as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_qa"."qa_rejected_customers__dbt_tmp"
  (
    customer_row_id varchar(65535) not null,
    customer_id varchar(65535),
    batch_id varchar(65535),
    landed_file_name varchar(65535),
    reject_reason varchar(65535),
    reject_detail varchar(65535),
    customer_name varchar(65535),
    email varchar(65535),
    city varchar(65535),
    signup_date_raw varchar(65535),
    updated_at_raw varchar(65535),
    raw_row varchar(65535),
    line_number integer,
    ingest_date date,
    refreshed_at timestamp
    )
  ;
insert into "dev"."analytics_qa"."qa_rejected_customers__dbt_tmp"
    (
    select customer_row_id, customer_id, batch_id, landed_file_name, reject_reason, reject_detail, customer_name, email, city, signup_date_raw, updated_at_raw, raw_row, line_number, ingest_date, refreshed_at
    from (
<compiled code of model.ecom.qa_rejected_customers>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_qa"."qa_rejected_customers__dbt_tmp" rename to "qa_rejected_customers";
comment on table "dev"."analytics_qa"."qa_rejected_customers" is <description from the yml>;
/* dbt metadata query: columns of analytics_qa.qa_rejected_customers */;
/* dbt metadata query: columns of analytics_qa.qa_rejected_customers */;
comment on column "dev"."analytics_qa"."qa_rejected_customers".customer_row_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".customer_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".batch_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".landed_file_name is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".reject_reason is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".reject_detail is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".customer_name is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".email is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".city is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".signup_date_raw is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".updated_at_raw is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".raw_row is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".line_number is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".ingest_date is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".refreshed_at is <description from the yml>;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_qa"."qa_rejected_customers__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.qa_rejected_products
select * from (
<compiled code of model.ecom.qa_rejected_products>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as product_row_id,
    cast(null as varchar(65535))
 as product_id,
    cast(null as varchar(65535))
 as batch_id,
    cast(null as varchar(65535))
 as landed_file_name,
    cast(null as varchar(65535))
 as reject_reason,
    cast(null as varchar(65535))
 as reject_detail,
    cast(null as varchar(65535))
 as product_name,
    cast(null as varchar(65535))
 as category,
    cast(null as varchar(65535))
 as list_price_raw,
    cast(null as varchar(65535))
 as stock_quantity_raw,
    cast(null as varchar(65535))
 as raw_row,
    cast(null as integer)
 as line_number,
    cast(null as date)
 as ingest_date,
    cast(null as timestamp)
 as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_qa"."qa_rejected_products__dbt_tmp"
  (
    product_row_id varchar(65535) not null,
    product_id varchar(65535),
    batch_id varchar(65535),
    landed_file_name varchar(65535),
    reject_reason varchar(65535),
    reject_detail varchar(65535),
    product_name varchar(65535),
    category varchar(65535),
    list_price_raw varchar(65535),
    stock_quantity_raw varchar(65535),
    raw_row varchar(65535),
    line_number integer,
    ingest_date date,
    refreshed_at timestamp
    )
  ;
insert into "dev"."analytics_qa"."qa_rejected_products__dbt_tmp"
    (
    select product_row_id, product_id, batch_id, landed_file_name, reject_reason, reject_detail, product_name, category, list_price_raw, stock_quantity_raw, raw_row, line_number, ingest_date, refreshed_at
    from (
<compiled code of model.ecom.qa_rejected_products>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_qa"."qa_rejected_products__dbt_tmp" rename to "qa_rejected_products";
comment on table "dev"."analytics_qa"."qa_rejected_products" is <description from the yml>;
/* dbt metadata query: columns of analytics_qa.qa_rejected_products */;
/* dbt metadata query: columns of analytics_qa.qa_rejected_products */;
comment on column "dev"."analytics_qa"."qa_rejected_products".product_row_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".product_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".batch_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".landed_file_name is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".reject_reason is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".reject_detail is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".product_name is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".category is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".list_price_raw is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".stock_quantity_raw is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".raw_row is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".line_number is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".ingest_date is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".refreshed_at is <description from the yml>;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_qa"."qa_rejected_products__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.qa_rejected_sales
select * from (
        <compiled code of model.ecom.qa_rejected_sales>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as sales_row_id,
    cast(null as varchar(65535))
 as transaction_id,
    cast(null as varchar(65535))
 as customer_id,
    cast(null as varchar(65535))
 as product_id,
    cast(null as varchar(65535))
 as batch_id,
    cast(null as varchar(65535))
 as landed_file_name,
    cast(null as varchar(65535))
 as reject_reason,
    cast(null as varchar(65535))
 as reject_detail,
    cast(null as varchar(65535))
 as quantity_raw,
    cast(null as varchar(65535))
 as amount_raw,
    cast(null as varchar(65535))
 as transaction_date_raw,
    cast(null as varchar(65535))
 as raw_row,
    cast(null as integer)
 as line_number,
    cast(null as date)
 as ingest_date,
    cast(null as timestamp)
 as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_qa"."qa_rejected_sales"
  (
    sales_row_id varchar(65535) not null,
    transaction_id varchar(65535),
    customer_id varchar(65535),
    product_id varchar(65535),
    batch_id varchar(65535),
    landed_file_name varchar(65535),
    reject_reason varchar(65535),
    reject_detail varchar(65535),
    quantity_raw varchar(65535),
    amount_raw varchar(65535),
    transaction_date_raw varchar(65535),
    raw_row varchar(65535),
    line_number integer,
    ingest_date date,
    refreshed_at timestamp
    )
  ;
insert into "dev"."analytics_qa"."qa_rejected_sales"
    (
    select sales_row_id, transaction_id, customer_id, product_id, batch_id, landed_file_name, reject_reason, reject_detail, quantity_raw, amount_raw, transaction_date_raw, raw_row, line_number, ingest_date, refreshed_at
    from (
        <compiled code of model.ecom.qa_rejected_sales>
    ) as model_subq
    )
  ;
comment on table "dev"."analytics_qa"."qa_rejected_sales" is <description from the yml>;
/* dbt metadata query: columns of analytics_qa.qa_rejected_sales */;
/* dbt metadata query: columns of analytics_qa.qa_rejected_sales */;
comment on column "dev"."analytics_qa"."qa_rejected_sales".sales_row_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".transaction_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".customer_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".product_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".batch_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".landed_file_name is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".reject_reason is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".reject_detail is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".quantity_raw is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".amount_raw is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".transaction_date_raw is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".raw_row is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".line_number is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".ingest_date is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".refreshed_at is <description from the yml>;
COMMIT;

-- ---- model.ecom.rpt_customer_lifetime_value
select * from (
<compiled code of model.ecom.rpt_customer_lifetime_value>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as customer_id,
    cast(null as varchar(65535))
 as customer_name,
    cast(null as varchar(65535))
 as email,
    cast(null as varchar(65535))
 as city,
    cast(null as integer)
 as order_count,
    cast(null as integer)
 as units_purchased,
    cast(null as decimal(18,2))
 as gross_sales,
    cast(null as decimal(18,2))
 as returns,
    cast(null as decimal(18,2))
 as lifetime_value,
    cast(null as decimal(18,2))
 as avg_order_value,
    cast(null as integer)
 as tenure_days,
    cast(null as integer)
 as days_since_last_order,
    cast(null as boolean)
 as is_inferred,
    cast(null as date)
 as first_order_date,
    cast(null as date)
 as last_order_date,
    cast(null as date)
 as as_of_date
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."rpt_customer_lifetime_value__dbt_tmp"
  (
    customer_id varchar(65535) not null,
    customer_name varchar(65535),
    email varchar(65535),
    city varchar(65535),
    order_count integer,
    units_purchased integer,
    gross_sales decimal(18,2),
    returns decimal(18,2),
    lifetime_value decimal(18,2),
    avg_order_value decimal(18,2),
    tenure_days integer,
    days_since_last_order integer,
    is_inferred boolean,
    first_order_date date,
    last_order_date date,
    as_of_date date
    )
  ;
insert into "dev"."analytics_marts"."rpt_customer_lifetime_value__dbt_tmp"
    (
    select customer_id, customer_name, email, city, order_count, units_purchased, gross_sales, returns, lifetime_value, avg_order_value, tenure_days, days_since_last_order, is_inferred, first_order_date, last_order_date, as_of_date
    from (
<compiled code of model.ecom.rpt_customer_lifetime_value>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."rpt_customer_lifetime_value__dbt_tmp" rename to "rpt_customer_lifetime_value";
comment on table "dev"."analytics_marts"."rpt_customer_lifetime_value" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.rpt_customer_lifetime_value */;
/* dbt metadata query: columns of analytics_marts.rpt_customer_lifetime_value */;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".customer_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".customer_name is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".email is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".city is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".order_count is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".units_purchased is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".gross_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".returns is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".lifetime_value is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".avg_order_value is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".tenure_days is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".days_since_last_order is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".is_inferred is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".first_order_date is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".last_order_date is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".as_of_date is <description from the yml>;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."rpt_customer_lifetime_value__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.rpt_customer_predictions
select * from (
<compiled code of model.ecom.rpt_customer_predictions>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as customer_id,
    cast(null as varchar(65535))
 as customer_name,
    cast(null as varchar(65535))
 as email,
    cast(null as varchar(65535))
 as city,
    cast(null as varchar(65535))
 as risk_band,
    cast(null as varchar(65535))
 as model_version,
    cast(null as decimal(9,4))
 as buy_probability,
    cast(null as decimal(18,2))
 as expected_orders,
    cast(null as decimal(18,2))
 as expected_net_sales,
    cast(null as integer)
 as orders_last_90_days,
    cast(null as decimal(18,2))
 as net_sales_last_90_days,
    cast(null as integer)
 as days_since_last_order,
    cast(null as integer)
 as horizon_days,
    cast(null as boolean)
 as is_at_risk,
    cast(null as date)
 as last_order_date,
    cast(null as date)
 as as_of_date,
    cast(null as date)
 as training_cutoff_date,
    cast(null as timestamp)
 as scored_at
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create view "dev"."analytics_marts"."rpt_customer_predictions__dbt_tmp" as (
<compiled code of model.ecom.rpt_customer_predictions>
  ) ;
alter table "dev"."analytics_marts"."rpt_customer_predictions__dbt_tmp" rename to "rpt_customer_predictions";
comment on view "dev"."analytics_marts"."rpt_customer_predictions" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.rpt_customer_predictions */;
/* dbt metadata query: columns of analytics_marts.rpt_customer_predictions */;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".customer_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".customer_name is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".email is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".city is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".risk_band is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".model_version is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".buy_probability is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".expected_orders is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".expected_net_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".orders_last_90_days is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".net_sales_last_90_days is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".days_since_last_order is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".horizon_days is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".is_at_risk is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".last_order_date is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".as_of_date is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".training_cutoff_date is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".scored_at is <description from the yml>;
COMMIT;
BEGIN;
drop view if exists "dev"."analytics_marts"."rpt_customer_predictions__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.rpt_customer_segments
select * from (
<compiled code of model.ecom.rpt_customer_segments>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as customer_id,
    cast(null as varchar(65535))
 as segment_code,
    cast(null as varchar(65535))
 as segment_name,
    cast(null as varchar(65535))
 as customer_name,
    cast(null as varchar(65535))
 as city,
    cast(null as varchar(65535))
 as rfm_score,
    cast(null as integer)
 as recency_score,
    cast(null as integer)
 as frequency_score,
    cast(null as integer)
 as monetary_score,
    cast(null as integer)
 as days_since_last_order,
    cast(null as integer)
 as order_count,
    cast(null as decimal(18,2))
 as lifetime_value,
    cast(null as boolean)
 as is_inferred,
    cast(null as date)
 as last_order_date
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."rpt_customer_segments__dbt_tmp"
  (
    customer_id varchar(65535) not null,
    segment_code varchar(65535),
    segment_name varchar(65535),
    customer_name varchar(65535),
    city varchar(65535),
    rfm_score varchar(65535),
    recency_score integer,
    frequency_score integer,
    monetary_score integer,
    days_since_last_order integer,
    order_count integer,
    lifetime_value decimal(18,2),
    is_inferred boolean,
    last_order_date date
    )
  ;
insert into "dev"."analytics_marts"."rpt_customer_segments__dbt_tmp"
    (
    select customer_id, segment_code, segment_name, customer_name, city, rfm_score, recency_score, frequency_score, monetary_score, days_since_last_order, order_count, lifetime_value, is_inferred, last_order_date
    from (
<compiled code of model.ecom.rpt_customer_segments>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."rpt_customer_segments__dbt_tmp" rename to "rpt_customer_segments";
comment on table "dev"."analytics_marts"."rpt_customer_segments" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.rpt_customer_segments */;
/* dbt metadata query: columns of analytics_marts.rpt_customer_segments */;
comment on column "dev"."analytics_marts"."rpt_customer_segments".customer_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".segment_code is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".segment_name is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".customer_name is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".city is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".rfm_score is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".recency_score is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".frequency_score is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".monetary_score is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".days_since_last_order is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".order_count is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".lifetime_value is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".is_inferred is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".last_order_date is <description from the yml>;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."rpt_customer_segments__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.rpt_daily_sales_summary
select * from (
<compiled code of model.ecom.rpt_daily_sales_summary>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as date)
 as sales_date,
    cast(null as integer)
 as order_count,
    cast(null as integer)
 as guest_order_count,
    cast(null as integer)
 as units_sold,
    cast(null as integer)
 as units_returned,
    cast(null as decimal(18,2))
 as gross_sales,
    cast(null as decimal(18,2))
 as discounts,
    cast(null as decimal(18,2))
 as returns,
    cast(null as decimal(18,2))
 as net_sales,
    cast(null as decimal(18,2))
 as shipping,
    cast(null as decimal(18,2))
 as fees,
    cast(null as decimal(18,2))
 as total_sales,
    cast(null as decimal(18,2))
 as avg_order_value,
    cast(null as decimal(18,2))
 as avg_items_per_order,
    cast(null as decimal(18,2))
 as return_rate_pct,
    cast(null as decimal(18,2))
 as guest_net_sales,
    cast(null as decimal(18,2))
 as guest_share_pct,
    cast(null as integer)
 as unique_customers,
    cast(null as integer)
 as new_customers,
    cast(null as integer)
 as returning_customers,
    cast(null as timestamp)
 as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."rpt_daily_sales_summary"
  (
    sales_date date not null,
    order_count integer,
    guest_order_count integer,
    units_sold integer,
    units_returned integer,
    gross_sales decimal(18,2),
    discounts decimal(18,2),
    returns decimal(18,2),
    net_sales decimal(18,2),
    shipping decimal(18,2),
    fees decimal(18,2),
    total_sales decimal(18,2),
    avg_order_value decimal(18,2),
    avg_items_per_order decimal(18,2),
    return_rate_pct decimal(18,2),
    guest_net_sales decimal(18,2),
    guest_share_pct decimal(18,2),
    unique_customers integer,
    new_customers integer,
    returning_customers integer,
    refreshed_at timestamp
    )
  ;
insert into "dev"."analytics_marts"."rpt_daily_sales_summary"
    (
    select sales_date, order_count, guest_order_count, units_sold, units_returned, gross_sales, discounts, returns, net_sales, shipping, fees, total_sales, avg_order_value, avg_items_per_order, return_rate_pct, guest_net_sales, guest_share_pct, unique_customers, new_customers, returning_customers, refreshed_at
    from (
<compiled code of model.ecom.rpt_daily_sales_summary>
    ) as model_subq
    )
  ;
comment on table "dev"."analytics_marts"."rpt_daily_sales_summary" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.rpt_daily_sales_summary */;
/* dbt metadata query: columns of analytics_marts.rpt_daily_sales_summary */;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".sales_date is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".order_count is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".guest_order_count is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".units_sold is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".units_returned is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".gross_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".discounts is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".returns is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".net_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".shipping is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".fees is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".total_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".avg_order_value is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".avg_items_per_order is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".return_rate_pct is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".guest_net_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".guest_share_pct is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".unique_customers is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".new_customers is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".returning_customers is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".refreshed_at is <description from the yml>;
COMMIT;

-- ---- model.ecom.rpt_pipeline_runs
select * from (
<compiled code of model.ecom.rpt_pipeline_runs>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as run_id,
    cast(null as varchar(65535))
 as command,
    cast(null as varchar(65535))
 as run_status,
    cast(null as varchar(65535))
 as error_message,
    cast(null as integer)
 as exit_code,
    cast(null as decimal(18,3))
 as duration_seconds,
    cast(null as decimal(18,3))
 as ingest_seconds,
    cast(null as decimal(18,3))
 as dbt_build_seconds,
    cast(null as decimal(18,3))
 as report_seconds,
    cast(null as integer)
 as files_received,
    cast(null as integer)
 as files_landed,
    cast(null as integer)
 as files_quarantined,
    cast(null as integer)
 as rows_landed,
    cast(null as integer)
 as rows_rejected,
    cast(null as integer)
 as models_built,
    cast(null as integer)
 as models_failed,
    cast(null as integer)
 as tests_passed,
    cast(null as integer)
 as tests_warned,
    cast(null as integer)
 as tests_failed,
    cast(null as integer)
 as reports_written,
    cast(null as boolean)
 as is_successful,
    cast(null as boolean)
 as is_latest_run_of_day,
    cast(null as date)
 as run_date,
    cast(null as timestamp)
 as started_at,
    cast(null as timestamp)
 as finished_at
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."rpt_pipeline_runs__dbt_tmp"
  (
    run_id varchar(65535) not null,
    command varchar(65535),
    run_status varchar(65535),
    error_message varchar(65535),
    exit_code integer,
    duration_seconds decimal(18,3),
    ingest_seconds decimal(18,3),
    dbt_build_seconds decimal(18,3),
    report_seconds decimal(18,3),
    files_received integer,
    files_landed integer,
    files_quarantined integer,
    rows_landed integer,
    rows_rejected integer,
    models_built integer,
    models_failed integer,
    tests_passed integer,
    tests_warned integer,
    tests_failed integer,
    reports_written integer,
    is_successful boolean,
    is_latest_run_of_day boolean,
    run_date date,
    started_at timestamp,
    finished_at timestamp
    )
  ;
insert into "dev"."analytics_marts"."rpt_pipeline_runs__dbt_tmp"
    (
    select run_id, command, run_status, error_message, exit_code, duration_seconds, ingest_seconds, dbt_build_seconds, report_seconds, files_received, files_landed, files_quarantined, rows_landed, rows_rejected, models_built, models_failed, tests_passed, tests_warned, tests_failed, reports_written, is_successful, is_latest_run_of_day, run_date, started_at, finished_at
    from (
<compiled code of model.ecom.rpt_pipeline_runs>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."rpt_pipeline_runs__dbt_tmp" rename to "rpt_pipeline_runs";
comment on table "dev"."analytics_marts"."rpt_pipeline_runs" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.rpt_pipeline_runs */;
/* dbt metadata query: columns of analytics_marts.rpt_pipeline_runs */;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".run_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".command is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".run_status is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".error_message is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".exit_code is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".duration_seconds is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".ingest_seconds is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".dbt_build_seconds is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".report_seconds is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".files_received is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".files_landed is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".files_quarantined is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".rows_landed is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".rows_rejected is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".models_built is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".models_failed is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".tests_passed is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".tests_warned is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".tests_failed is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".reports_written is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".is_successful is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".is_latest_run_of_day is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".run_date is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".started_at is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".finished_at is <description from the yml>;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."rpt_pipeline_runs__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.rpt_recent_transactions
select * from (
<compiled code of model.ecom.rpt_recent_transactions>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as sales_row_id,
    cast(null as varchar(65535))
 as transaction_id,
    cast(null as integer)
 as line_number,
    cast(null as varchar(65535))
 as customer_id,
    cast(null as boolean)
 as is_guest,
    cast(null as varchar(65535))
 as product_id,
    cast(null as varchar(65535))
 as line_type,
    cast(null as boolean)
 as is_return,
    cast(null as varchar(65535))
 as customer_key,
    cast(null as varchar(65535))
 as customer_name,
    cast(null as varchar(65535))
 as city,
    cast(null as varchar(65535))
 as product_name,
    cast(null as varchar(65535))
 as category,
    cast(null as integer)
 as quantity,
    cast(null as decimal(18,2))
 as unit_price,
    cast(null as decimal(18,2))
 as amount,
    cast(null as boolean)
 as is_customer_inferred,
    cast(null as boolean)
 as is_product_inferred,
    cast(null as date)
 as transaction_date,
    cast(null as timestamp)
 as transaction_at
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."rpt_recent_transactions__dbt_tmp"
  (
    sales_row_id varchar(65535) not null,
    transaction_id varchar(65535) not null,
    line_number integer,
    customer_id varchar(65535),
    is_guest boolean,
    product_id varchar(65535),
    line_type varchar(65535),
    is_return boolean,
    customer_key varchar(65535),
    customer_name varchar(65535),
    city varchar(65535),
    product_name varchar(65535),
    category varchar(65535),
    quantity integer,
    unit_price decimal(18,2),
    amount decimal(18,2),
    is_customer_inferred boolean,
    is_product_inferred boolean,
    transaction_date date,
    transaction_at timestamp
    )
  ;
insert into "dev"."analytics_marts"."rpt_recent_transactions__dbt_tmp"
    (
    select sales_row_id, transaction_id, line_number, customer_id, is_guest, product_id, line_type, is_return, customer_key, customer_name, city, product_name, category, quantity, unit_price, amount, is_customer_inferred, is_product_inferred, transaction_date, transaction_at
    from (
<compiled code of model.ecom.rpt_recent_transactions>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."rpt_recent_transactions__dbt_tmp" rename to "rpt_recent_transactions";
comment on table "dev"."analytics_marts"."rpt_recent_transactions" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.rpt_recent_transactions */;
/* dbt metadata query: columns of analytics_marts.rpt_recent_transactions */;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".sales_row_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".transaction_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".line_number is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".customer_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".is_guest is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".product_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".line_type is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".is_return is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".customer_key is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".customer_name is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".city is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".product_name is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".category is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".quantity is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".unit_price is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".amount is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".is_customer_inferred is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".is_product_inferred is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".transaction_date is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".transaction_at is <description from the yml>;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."rpt_recent_transactions__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.rpt_sales_by_category
select * from (
<compiled code of model.ecom.rpt_sales_by_category>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as category_day_id,
    cast(null as varchar(65535))
 as category,
    cast(null as integer)
 as order_count,
    cast(null as integer)
 as units_sold,
    cast(null as integer)
 as units_returned,
    cast(null as integer)
 as unique_customers,
    cast(null as decimal(18,2))
 as gross_sales,
    cast(null as decimal(18,2))
 as returns,
    cast(null as decimal(18,2))
 as net_sales,
    cast(null as decimal(18,2))
 as revenue_share_pct,
    cast(null as date)
 as sales_date,
    cast(null as timestamp)
 as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."rpt_sales_by_category"
  (
    category_day_id varchar(65535) not null,
    category varchar(65535),
    order_count integer,
    units_sold integer,
    units_returned integer,
    unique_customers integer,
    gross_sales decimal(18,2),
    returns decimal(18,2),
    net_sales decimal(18,2),
    revenue_share_pct decimal(18,2),
    sales_date date,
    refreshed_at timestamp
    )
  ;
insert into "dev"."analytics_marts"."rpt_sales_by_category"
    (
    select category_day_id, category, order_count, units_sold, units_returned, unique_customers, gross_sales, returns, net_sales, revenue_share_pct, sales_date, refreshed_at
    from (
<compiled code of model.ecom.rpt_sales_by_category>
    ) as model_subq
    )
  ;
comment on table "dev"."analytics_marts"."rpt_sales_by_category" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.rpt_sales_by_category */;
/* dbt metadata query: columns of analytics_marts.rpt_sales_by_category */;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".category_day_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".category is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".order_count is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".units_sold is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".units_returned is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".unique_customers is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".gross_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".returns is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".net_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".revenue_share_pct is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".sales_date is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".refreshed_at is <description from the yml>;
COMMIT;

-- ---- model.ecom.rpt_sales_by_weekday_hour
select * from (
<compiled code of model.ecom.rpt_sales_by_weekday_hour>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as integer)
 as weekday_hour_id,
    cast(null as varchar(65535))
 as day_name,
    cast(null as integer)
 as day_of_week,
    cast(null as integer)
 as hour_of_day,
    cast(null as integer)
 as days_observed,
    cast(null as integer)
 as order_count,
    cast(null as integer)
 as units_sold,
    cast(null as decimal(18,2))
 as revenue,
    cast(null as decimal(18,2))
 as avg_transactions_per_day,
    cast(null as decimal(18,2))
 as avg_revenue_per_day
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."rpt_sales_by_weekday_hour__dbt_tmp"
  (
    weekday_hour_id integer not null,
    day_name varchar(65535),
    day_of_week integer,
    hour_of_day integer,
    days_observed integer,
    order_count integer,
    units_sold integer,
    revenue decimal(18,2),
    avg_transactions_per_day decimal(18,2),
    avg_revenue_per_day decimal(18,2)
    )
  ;
insert into "dev"."analytics_marts"."rpt_sales_by_weekday_hour__dbt_tmp"
    (
    select weekday_hour_id, day_name, day_of_week, hour_of_day, days_observed, order_count, units_sold, revenue, avg_transactions_per_day, avg_revenue_per_day
    from (
<compiled code of model.ecom.rpt_sales_by_weekday_hour>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."rpt_sales_by_weekday_hour__dbt_tmp" rename to "rpt_sales_by_weekday_hour";
comment on table "dev"."analytics_marts"."rpt_sales_by_weekday_hour" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.rpt_sales_by_weekday_hour */;
/* dbt metadata query: columns of analytics_marts.rpt_sales_by_weekday_hour */;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".weekday_hour_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".day_name is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".day_of_week is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".hour_of_day is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".days_observed is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".order_count is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".units_sold is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".revenue is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".avg_transactions_per_day is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".avg_revenue_per_day is <description from the yml>;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."rpt_sales_by_weekday_hour__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.rpt_top_products
select * from (
<compiled code of model.ecom.rpt_top_products>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as top_product_id,
    cast(null as varchar(65535))
 as product_id,
    cast(null as varchar(65535))
 as period_type,
    cast(null as varchar(65535))
 as product_name,
    cast(null as varchar(65535))
 as category,
    cast(null as integer)
 as revenue_rank,
    cast(null as integer)
 as category_revenue_rank,
    cast(null as integer)
 as order_count,
    cast(null as integer)
 as units_sold,
    cast(null as integer)
 as units_returned,
    cast(null as decimal(18,2))
 as gross_sales,
    cast(null as decimal(18,2))
 as returns,
    cast(null as decimal(18,2))
 as net_sales,
    cast(null as date)
 as period_start_date,
    cast(null as date)
 as period_end_date,
    cast(null as timestamp)
 as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."rpt_top_products"
  (
    top_product_id varchar(65535) not null,
    product_id varchar(65535),
    period_type varchar(65535),
    product_name varchar(65535),
    category varchar(65535),
    revenue_rank integer,
    category_revenue_rank integer,
    order_count integer,
    units_sold integer,
    units_returned integer,
    gross_sales decimal(18,2),
    returns decimal(18,2),
    net_sales decimal(18,2),
    period_start_date date,
    period_end_date date,
    refreshed_at timestamp
    )
  ;
insert into "dev"."analytics_marts"."rpt_top_products"
    (
    select top_product_id, product_id, period_type, product_name, category, revenue_rank, category_revenue_rank, order_count, units_sold, units_returned, gross_sales, returns, net_sales, period_start_date, period_end_date, refreshed_at
    from (
<compiled code of model.ecom.rpt_top_products>
    ) as model_subq
    )
  ;
comment on table "dev"."analytics_marts"."rpt_top_products" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.rpt_top_products */;
/* dbt metadata query: columns of analytics_marts.rpt_top_products */;
comment on column "dev"."analytics_marts"."rpt_top_products".top_product_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".product_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".period_type is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".product_name is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".category is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".revenue_rank is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".category_revenue_rank is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".order_count is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".units_sold is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".units_returned is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".gross_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".returns is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".net_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".period_start_date is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".period_end_date is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".refreshed_at is <description from the yml>;
COMMIT;

-- ---- model.ecom.stg_lake__landed_files
BEGIN;
create view "dev"."analytics_staging"."stg_lake__landed_files__dbt_tmp" as (
<compiled code of model.ecom.stg_lake__landed_files>
  ) with no schema binding;
alter table "dev"."analytics_staging"."stg_lake__landed_files__dbt_tmp" rename to "stg_lake__landed_files";
COMMIT;
BEGIN;
drop view if exists "dev"."analytics_staging"."stg_lake__landed_files__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.stg_lake__refused_rows
BEGIN;
create view "dev"."analytics_staging"."stg_lake__refused_rows__dbt_tmp" as (
    <compiled code of model.ecom.stg_lake__refused_rows>
  ) with no schema binding;
alter table "dev"."analytics_staging"."stg_lake__refused_rows__dbt_tmp" rename to "stg_lake__refused_rows";
COMMIT;
BEGIN;
drop view if exists "dev"."analytics_staging"."stg_lake__refused_rows__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.stg_ops__pipeline_runs
BEGIN;
create view "dev"."analytics_staging"."stg_ops__pipeline_runs__dbt_tmp" as (
<compiled code of model.ecom.stg_ops__pipeline_runs>
  ) with no schema binding;
alter table "dev"."analytics_staging"."stg_ops__pipeline_runs__dbt_tmp" rename to "stg_ops__pipeline_runs";
COMMIT;
BEGIN;
drop view if exists "dev"."analytics_staging"."stg_ops__pipeline_runs__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.stg_predictions__customer_scores
BEGIN;
create schema if not exists "analytics_predictions";
COMMIT;
BEGIN;
create table if not exists "dev"."analytics_predictions"."customer_scores" (
        customer_id varchar(65535),
        risk_band varchar(65535),
        model_version varchar(65535),
        buy_probability decimal(9,4),
        expected_orders decimal(18,2),
        expected_net_sales decimal(18,2),
        orders_last_90_days integer,
        net_sales_last_90_days decimal(18,2),
        days_since_last_order integer,
        horizon_days integer,
        last_order_date date,
        as_of_date date,
        training_cutoff_date date,
        scored_at timestamp
    );
create view "dev"."analytics_staging"."stg_predictions__customer_scores__dbt_tmp" as (
<compiled code of model.ecom.stg_predictions__customer_scores>
  ) with no schema binding;
alter table "dev"."analytics_staging"."stg_predictions__customer_scores__dbt_tmp" rename to "stg_predictions__customer_scores";
COMMIT;
BEGIN;
drop view if exists "dev"."analytics_staging"."stg_predictions__customer_scores__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.stg_shop__customers
BEGIN;
create  table
    "dev"."analytics_staging"."stg_shop__customers"
  as (
<compiled code of model.ecom.stg_shop__customers>
  );
COMMIT;

-- ---- model.ecom.stg_shop__products
BEGIN;
create view "dev"."analytics_staging"."stg_shop__products__dbt_tmp" as (
    <compiled code of model.ecom.stg_shop__products>
  ) with no schema binding;
alter table "dev"."analytics_staging"."stg_shop__products__dbt_tmp" rename to "stg_shop__products";
COMMIT;
BEGIN;
drop view if exists "dev"."analytics_staging"."stg_shop__products__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.stg_shop__sales
BEGIN;
create  table
    "dev"."analytics_staging"."stg_shop__sales"
  as (
<compiled code of model.ecom.stg_shop__sales>
  );
COMMIT;

-- ---- seed.ecom.reject_reasons
BEGIN;
create table "dev"."analytics_reference"."reject_reasons" ("entity" varchar(9),"reject_reason" varchar(29),"rule_order" integer,"description" varchar(344),"what_to_do" varchar(162));
insert into "dev"."analytics_reference"."reject_reasons" ("entity", "reject_reason", "rule_order", "description", "what_to_do") values
          (%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s);
COMMIT;

-- ---- seed.ecom.rfm_segments
BEGIN;
create table "dev"."analytics_reference"."rfm_segments" ("segment_code" varchar(19),"segment_name" varchar(19),"display_order" integer,"rule" varchar(28),"description" varchar(57),"suggested_action" varchar(65));
insert into "dev"."analytics_reference"."rfm_segments" ("segment_code", "segment_name", "display_order", "rule", "description", "suggested_action") values
          (%s,%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s,%s);
COMMIT;

-- ---- snapshot.ecom.snp_shop__customers
select * from (
    select *,
        md5(coalesce(cast(customer_id as varchar ), '')
         || '|' || coalesce(cast(updated_at as varchar ), '')
        ) as dbt_scd_id,
        updated_at as dbt_updated_at,
        updated_at as dbt_valid_from,
  coalesce(nullif(updated_at, updated_at), null)
  as dbt_valid_to
from (
        <compiled code of snapshot.ecom.snp_shop__customers>
    ) sbq
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select getdate()::timestamp as dbt_snapshot_time
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_snapshots"."snp_shop__customers"
  as (
    select *,
        md5(coalesce(cast(customer_id as varchar ), '')
         || '|' || coalesce(cast(updated_at as varchar ), '')
        ) as dbt_scd_id,
        updated_at as dbt_updated_at,
        updated_at as dbt_valid_from,
  coalesce(nullif(updated_at, updated_at), null)
  as dbt_valid_to
from (
        <compiled code of snapshot.ecom.snp_shop__customers>
    ) sbq
  );
COMMIT;

-- ======== scenario: daily_run ========

-- ---- list_dev
select distinct nspname from pg_namespace;
select distinct nspname from pg_namespace;
select distinct nspname from pg_namespace;
select distinct nspname from pg_namespace;
select distinct nspname from pg_namespace;
select distinct nspname from pg_namespace;

-- ---- list_dev_analytics_intermediate
BEGIN;
/* dbt metadata query: relations in analytics_intermediate */;

-- ---- list_dev_analytics_marts
BEGIN;
/* dbt metadata query: relations in analytics_marts */;

-- ---- list_dev_analytics_qa
BEGIN;
/* dbt metadata query: relations in analytics_qa */;

-- ---- list_dev_analytics_reference
BEGIN;
/* dbt metadata query: relations in analytics_reference */;

-- ---- list_dev_analytics_snapshots
BEGIN;
/* dbt metadata query: relations in analytics_snapshots */;

-- ---- list_dev_analytics_staging
BEGIN;
/* dbt metadata query: relations in analytics_staging */;

-- ---- master
BEGIN;
with
    relation as (
        select
            pg_class.oid as relation_id,
            pg_class.relname as relation_name,
            pg_class.relnamespace as schema_id,
            pg_namespace.nspname as schema_name,
            pg_class.relkind as relation_type
        from pg_class
        join pg_namespace
          on pg_class.relnamespace = pg_namespace.oid
        where pg_namespace.nspname != 'information_schema'
          and pg_namespace.nspname not like 'pg\_%'
    ),
    dependency as (
        select distinct
            coalesce(pg_rewrite.ev_class, pg_depend.objid) as dep_relation_id,
            pg_depend.refobjid as ref_relation_id,
            pg_depend.refclassid as ref_class_id
        from pg_depend
        left join pg_rewrite
          on pg_depend.objid = pg_rewrite.oid
        where coalesce(pg_rewrite.ev_class, pg_depend.objid) != pg_depend.refobjid
    )
select distinct
    dep.schema_name as dependent_schema,
    dep.relation_name as dependent_name,
    ref.schema_name as referenced_schema,
    ref.relation_name as referenced_name
from dependency
join relation ref
    on dependency.ref_relation_id = ref.relation_id
join relation dep
    on dependency.dep_relation_id = dep.relation_id;
BEGIN;
COMMIT;
select 1;
BEGIN;
COMMIT;

-- ---- model.ecom.dim_customers
select * from (
<compiled code of model.ecom.dim_customers>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as customer_key,
    cast(null as varchar(65535))
 as customer_id,
    cast(null as varchar(65535))
 as customer_name,
    cast(null as varchar(65535))
 as email,
    cast(null as varchar(65535))
 as city,
    cast(null as integer)
 as version_number,
    cast(null as boolean)
 as is_current,
    cast(null as boolean)
 as is_inferred,
    cast(null as boolean)
 as is_guest,
    cast(null as date)
 as signup_date,
    cast(null as timestamp)
 as valid_from,
    cast(null as timestamp)
 as valid_to,
    cast(null as timestamp)
 as updated_at
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."dim_customers__dbt_tmp"
  (
    customer_key varchar(65535) not null,
    customer_id varchar(65535) not null,
    customer_name varchar(65535),
    email varchar(65535),
    city varchar(65535),
    version_number integer,
    is_current boolean,
    is_inferred boolean,
    is_guest boolean,
    signup_date date,
    valid_from timestamp,
    valid_to timestamp,
    updated_at timestamp
    )
    diststyle all
  ;
insert into "dev"."analytics_marts"."dim_customers__dbt_tmp"
    (
    select customer_key, customer_id, customer_name, email, city, version_number, is_current, is_inferred, is_guest, signup_date, valid_from, valid_to, updated_at
    from (
<compiled code of model.ecom.dim_customers>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."dim_customers" rename to "dim_customers__dbt_backup";
alter table "dev"."analytics_marts"."dim_customers__dbt_tmp" rename to "dim_customers";
comment on table "dev"."analytics_marts"."dim_customers" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.dim_customers */;
/* dbt metadata query: columns of analytics_marts.dim_customers */;
comment on column "dev"."analytics_marts"."dim_customers".customer_key is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".customer_id is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".customer_name is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".email is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".city is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".version_number is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".is_current is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".is_inferred is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".is_guest is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".signup_date is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".valid_from is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".valid_to is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_customers".updated_at is <description from the yml>;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."dim_customers__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.dim_date
select * from (
<compiled code of model.ecom.dim_date>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as date)
 as date_day,
    cast(null as varchar(65535))
 as day_name,
    cast(null as varchar(65535))
 as month_name,
    cast(null as integer)
 as year_number,
    cast(null as integer)
 as quarter_number,
    cast(null as integer)
 as month_number,
    cast(null as integer)
 as day_of_month,
    cast(null as integer)
 as day_of_week,
    cast(null as boolean)
 as is_weekend,
    cast(null as date)
 as week_start_date,
    cast(null as date)
 as month_start_date,
    cast(null as date)
 as quarter_start_date,
    cast(null as date)
 as year_start_date
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."dim_date__dbt_tmp"
  (
    date_day date not null,
    day_name varchar(65535),
    month_name varchar(65535),
    year_number integer,
    quarter_number integer,
    month_number integer,
    day_of_month integer,
    day_of_week integer,
    is_weekend boolean,
    week_start_date date,
    month_start_date date,
    quarter_start_date date,
    year_start_date date
    )
    diststyle all
  ;
insert into "dev"."analytics_marts"."dim_date__dbt_tmp"
    (
    select date_day, day_name, month_name, year_number, quarter_number, month_number, day_of_month, day_of_week, is_weekend, week_start_date, month_start_date, quarter_start_date, year_start_date
    from (
<compiled code of model.ecom.dim_date>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."dim_date" rename to "dim_date__dbt_backup";
alter table "dev"."analytics_marts"."dim_date__dbt_tmp" rename to "dim_date";
comment on table "dev"."analytics_marts"."dim_date" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.dim_date */;
/* dbt metadata query: columns of analytics_marts.dim_date */;
comment on column "dev"."analytics_marts"."dim_date".date_day is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".day_name is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".month_name is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".year_number is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".quarter_number is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".month_number is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".day_of_month is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".day_of_week is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".is_weekend is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".week_start_date is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".month_start_date is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".quarter_start_date is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_date".year_start_date is <description from the yml>;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."dim_date__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.dim_products
select * from (
<compiled code of model.ecom.dim_products>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as product_id,
    cast(null as varchar(65535))
 as product_name,
    cast(null as varchar(65535))
 as category,
    cast(null as decimal(18,2))
 as list_price,
    cast(null as integer)
 as stock_quantity,
    cast(null as boolean)
 as is_inferred,
    cast(null as date)
 as catalog_ingest_date
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."dim_products__dbt_tmp"
  (
    product_id varchar(65535) not null,
    product_name varchar(65535),
    category varchar(65535),
    list_price decimal(18,2),
    stock_quantity integer,
    is_inferred boolean,
    catalog_ingest_date date
    )
    diststyle all
  ;
insert into "dev"."analytics_marts"."dim_products__dbt_tmp"
    (
    select product_id, product_name, category, list_price, stock_quantity, is_inferred, catalog_ingest_date
    from (
<compiled code of model.ecom.dim_products>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."dim_products" rename to "dim_products__dbt_backup";
alter table "dev"."analytics_marts"."dim_products__dbt_tmp" rename to "dim_products";
comment on table "dev"."analytics_marts"."dim_products" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.dim_products */;
/* dbt metadata query: columns of analytics_marts.dim_products */;
comment on column "dev"."analytics_marts"."dim_products".product_id is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_products".product_name is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_products".category is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_products".list_price is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_products".stock_quantity is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_products".is_inferred is <description from the yml>;
comment on column "dev"."analytics_marts"."dim_products".catalog_ingest_date is <description from the yml>;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."dim_products__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.fct_orders
select * from (
<compiled code of model.ecom.fct_orders>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as transaction_id,
    cast(null as varchar(65535))
 as customer_id,
    cast(null as boolean)
 as is_guest,
    cast(null as timestamp)
 as order_at,
    cast(null as date)
 as order_date,
    cast(null as integer)
 as line_count,
    cast(null as integer)
 as units_sold,
    cast(null as integer)
 as units_returned,
    cast(null as decimal(18,2))
 as gross_sales,
    cast(null as decimal(18,2))
 as discounts,
    cast(null as decimal(18,2))
 as returns,
    cast(null as decimal(18,2))
 as net_sales,
    cast(null as decimal(18,2))
 as shipping,
    cast(null as decimal(18,2))
 as fees,
    cast(null as decimal(18,2))
 as total_sales,
    cast(null as boolean)
 as is_order,
    cast(null as boolean)
 as has_return,
    cast(null as timestamp)
 as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create temporary table
    "fct_orders__dbt_tmp<suffix>"
  (
    transaction_id varchar(65535) not null,
    customer_id varchar(65535),
    is_guest boolean,
    order_at timestamp,
    order_date date,
    line_count integer,
    units_sold integer,
    units_returned integer,
    gross_sales decimal(18,2),
    discounts decimal(18,2),
    returns decimal(18,2),
    net_sales decimal(18,2),
    shipping decimal(18,2),
    fees decimal(18,2),
    total_sales decimal(18,2),
    is_order boolean,
    has_return boolean,
    refreshed_at timestamp
    )
    diststyle key distkey (customer_id)
      compound sortkey(order_at)
  ;
insert into "fct_orders__dbt_tmp<suffix>"
    (
    select transaction_id, customer_id, is_guest, order_at, order_date, line_count, units_sold, units_returned, gross_sales, discounts, returns, net_sales, shipping, fees, total_sales, is_order, has_return, refreshed_at
    from (
<compiled code of model.ecom.fct_orders>
    ) as model_subq
    )
  ;
BEGIN;
/* dbt metadata query: columns of <temporary>.fct_orders__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_marts.fct_orders */;
delete from "dev"."analytics_marts"."fct_orders"
    where (transaction_id) in (
        select distinct transaction_id
        from "fct_orders__dbt_tmp<suffix>" as DBT_INTERNAL_SOURCE
    )
    ;
insert into "dev"."analytics_marts"."fct_orders" ("transaction_id", "customer_id", "is_guest", "order_at", "order_date", "line_count", "units_sold", "units_returned", "gross_sales", "discounts", "returns", "net_sales", "shipping", "fees", "total_sales", "is_order", "has_return", "refreshed_at")
        (
            select "transaction_id", "customer_id", "is_guest", "order_at", "order_date", "line_count", "units_sold", "units_returned", "gross_sales", "discounts", "returns", "net_sales", "shipping", "fees", "total_sales", "is_order", "has_return", "refreshed_at"
            from "fct_orders__dbt_tmp<suffix>"
        );
comment on table "dev"."analytics_marts"."fct_orders" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.fct_orders */;
/* dbt metadata query: columns of analytics_marts.fct_orders */;
comment on column "dev"."analytics_marts"."fct_orders".transaction_id is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".customer_id is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".is_guest is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".order_at is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".order_date is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".line_count is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".units_sold is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".units_returned is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".gross_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".discounts is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".returns is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".net_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".shipping is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".fees is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".total_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".is_order is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".has_return is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_orders".refreshed_at is <description from the yml>;
COMMIT;

-- ---- model.ecom.fct_sales
select * from (
<compiled code of model.ecom.fct_sales>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as sales_row_id,
    cast(null as varchar(65535))
 as transaction_id,
    cast(null as integer)
 as line_number,
    cast(null as varchar(65535))
 as customer_id,
    cast(null as boolean)
 as is_guest,
    cast(null as varchar(65535))
 as product_id,
    cast(null as varchar(65535))
 as line_type,
    cast(null as boolean)
 as is_return,
    cast(null as boolean)
 as is_zero_price,
    cast(null as varchar(65535))
 as original_transaction_id,
    cast(null as varchar(65535))
 as return_match,
    cast(null as varchar(65535))
 as batch_id,
    cast(null as varchar(65535))
 as landed_file_name,
    cast(null as integer)
 as quantity,
    cast(null as decimal(18,2))
 as amount,
    cast(null as decimal(18,2))
 as unit_price,
    cast(null as date)
 as transaction_date,
    cast(null as date)
 as ingest_date,
    cast(null as timestamp)
 as transaction_at,
    cast(null as timestamp)
 as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create temporary table
    "fct_sales__dbt_tmp<suffix>"
  (
    sales_row_id varchar(65535) not null,
    transaction_id varchar(65535) not null,
    line_number integer,
    customer_id varchar(65535) not null,
    is_guest boolean,
    product_id varchar(65535) not null,
    line_type varchar(65535),
    is_return boolean,
    is_zero_price boolean,
    original_transaction_id varchar(65535),
    return_match varchar(65535),
    batch_id varchar(65535),
    landed_file_name varchar(65535),
    quantity integer,
    amount decimal(18,2),
    unit_price decimal(18,2),
    transaction_date date,
    ingest_date date,
    transaction_at timestamp,
    refreshed_at timestamp
    )
    diststyle key distkey (customer_id)
      compound sortkey(transaction_at)
  ;
insert into "fct_sales__dbt_tmp<suffix>"
    (
    select sales_row_id, transaction_id, line_number, customer_id, is_guest, product_id, line_type, is_return, is_zero_price, original_transaction_id, return_match, batch_id, landed_file_name, quantity, amount, unit_price, transaction_date, ingest_date, transaction_at, refreshed_at
    from (
<compiled code of model.ecom.fct_sales>
    ) as model_subq
    )
  ;
BEGIN;
/* dbt metadata query: columns of <temporary>.fct_sales__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_marts.fct_sales */;
delete from "dev"."analytics_marts"."fct_sales"
    where (transaction_id) in (
        select distinct transaction_id
        from "fct_sales__dbt_tmp<suffix>" as DBT_INTERNAL_SOURCE
    )
    ;
insert into "dev"."analytics_marts"."fct_sales" ("sales_row_id", "transaction_id", "line_number", "customer_id", "is_guest", "product_id", "line_type", "is_return", "is_zero_price", "original_transaction_id", "return_match", "batch_id", "landed_file_name", "quantity", "amount", "unit_price", "transaction_date", "ingest_date", "transaction_at", "refreshed_at")
        (
            select "sales_row_id", "transaction_id", "line_number", "customer_id", "is_guest", "product_id", "line_type", "is_return", "is_zero_price", "original_transaction_id", "return_match", "batch_id", "landed_file_name", "quantity", "amount", "unit_price", "transaction_date", "ingest_date", "transaction_at", "refreshed_at"
            from "fct_sales__dbt_tmp<suffix>"
        );
comment on table "dev"."analytics_marts"."fct_sales" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.fct_sales */;
/* dbt metadata query: columns of analytics_marts.fct_sales */;
comment on column "dev"."analytics_marts"."fct_sales".sales_row_id is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".transaction_id is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".line_number is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".customer_id is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".is_guest is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".product_id is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".line_type is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".is_return is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".is_zero_price is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".original_transaction_id is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".return_match is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".batch_id is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".landed_file_name is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".quantity is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".amount is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".unit_price is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".transaction_date is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".ingest_date is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".transaction_at is <description from the yml>;
comment on column "dev"."analytics_marts"."fct_sales".refreshed_at is <description from the yml>;
COMMIT;

-- ---- model.ecom.int_customer_orders
create temporary table
    "int_customer_orders__dbt_tmp<suffix>"
  as (
<compiled code of model.ecom.int_customer_orders>
  );
BEGIN;
/* dbt metadata query: columns of <temporary>.int_customer_orders__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_intermediate.int_customer_orders */;
/* dbt metadata query: columns of <temporary>.int_customer_orders__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_intermediate.int_customer_orders */;
insert into "dev"."analytics_intermediate"."int_customer_orders" ("customer_id", "order_count", "units_purchased", "gross_sales", "returns", "lifetime_value", "order_value", "first_order_date", "last_order_date", "refreshed_at")
    (
        select "customer_id", "order_count", "units_purchased", "gross_sales", "returns", "lifetime_value", "order_value", "first_order_date", "last_order_date", "refreshed_at"
        from "int_customer_orders__dbt_tmp<suffix>"
    );
delete from "dev"."analytics_intermediate"."int_customer_orders"
        where
            refreshed_at < cast('<timestamp>' as timestamp)
            and (customer_id in (select distinct customer_id from "dev"."analytics_intermediate"."int_sales_validated" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "dev"."analytics_intermediate"."int_customer_orders" where refreshed_at < cast('<timestamp>' as timestamp)) and customer_id is not null));
COMMIT;

-- ---- model.ecom.int_customers_deduplicated
BEGIN;
create view "dev"."analytics_intermediate"."int_customers_deduplicated__dbt_tmp" as (
<compiled code of model.ecom.int_customers_deduplicated>
  ) ;
alter table "dev"."analytics_intermediate"."int_customers_deduplicated" rename to "int_customers_deduplicated__dbt_backup";
alter table "dev"."analytics_intermediate"."int_customers_deduplicated__dbt_tmp" rename to "int_customers_deduplicated";
COMMIT;
BEGIN;
drop view if exists "dev"."analytics_intermediate"."int_customers_deduplicated__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.int_customers_validated
create temporary table
    "int_customers_validated__dbt_tmp<suffix>"
  as (
<compiled code of model.ecom.int_customers_validated>
  );
BEGIN;
/* dbt metadata query: columns of <temporary>.int_customers_validated__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_intermediate.int_customers_validated */;
/* dbt metadata query: columns of <temporary>.int_customers_validated__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_intermediate.int_customers_validated */;
insert into "dev"."analytics_intermediate"."int_customers_validated" ("customer_row_id", "customer_id", "batch_id", "landed_file_name", "customer_name", "email", "city", "signup_date_raw", "updated_at_raw", "reject_reason", "signup_date", "ingest_date", "updated_at", "refreshed_at")
    (
        select "customer_row_id", "customer_id", "batch_id", "landed_file_name", "customer_name", "email", "city", "signup_date_raw", "updated_at_raw", "reject_reason", "signup_date", "ingest_date", "updated_at", "refreshed_at"
        from "int_customers_validated__dbt_tmp<suffix>"
    );
COMMIT;

-- ---- model.ecom.int_product_sales_days
create temporary table
    "int_product_sales_days__dbt_tmp<suffix>"
  as (
<compiled code of model.ecom.int_product_sales_days>
  );
BEGIN;
/* dbt metadata query: columns of <temporary>.int_product_sales_days__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_intermediate.int_product_sales_days */;
/* dbt metadata query: columns of <temporary>.int_product_sales_days__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_intermediate.int_product_sales_days */;
insert into "dev"."analytics_intermediate"."int_product_sales_days" ("product_day_id", "product_id", "sales_date", "product_name", "category", "order_count", "refreshed_at")
    (
        select "product_day_id", "product_id", "sales_date", "product_name", "category", "order_count", "refreshed_at"
        from "int_product_sales_days__dbt_tmp<suffix>"
    );
delete from "dev"."analytics_intermediate"."int_product_sales_days"
        where
            refreshed_at < cast('<timestamp>' as timestamp)
            and (sales_date in (select distinct cast(transaction_at as date) as sales_date from "dev"."analytics_intermediate"."int_sales_validated" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "dev"."analytics_intermediate"."int_product_sales_days" where refreshed_at < cast('<timestamp>' as timestamp)) and transaction_at is not null union select reported.sales_date
        from "dev"."analytics_intermediate"."int_product_sales_days" as reported
        inner join "dev"."analytics_marts"."dim_products" as products
            on reported.product_id = products.product_id
        where
            reported.refreshed_at <= (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "dev"."analytics_intermediate"."int_product_sales_days" where refreshed_at < cast('<timestamp>' as timestamp))
            and (
                coalesce(reported.product_name, '') <> coalesce(products.product_name, '')
                or coalesce(reported.category, '') <> coalesce(products.category, '')
            )));
COMMIT;

-- ---- model.ecom.int_products_validated
BEGIN;
create  table
    "dev"."analytics_intermediate"."int_products_validated__dbt_tmp"
  as (
<compiled code of model.ecom.int_products_validated>
  );
alter table "dev"."analytics_intermediate"."int_products_validated" rename to "int_products_validated__dbt_backup";
alter table "dev"."analytics_intermediate"."int_products_validated__dbt_tmp" rename to "int_products_validated";
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_intermediate"."int_products_validated__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.int_sales_enriched
BEGIN;
create view "dev"."analytics_intermediate"."int_sales_enriched__dbt_tmp" as (
<compiled code of model.ecom.int_sales_enriched>
  ) ;
alter table "dev"."analytics_intermediate"."int_sales_enriched" rename to "int_sales_enriched__dbt_backup";
alter table "dev"."analytics_intermediate"."int_sales_enriched__dbt_tmp" rename to "int_sales_enriched";
COMMIT;
BEGIN;
drop view if exists "dev"."analytics_intermediate"."int_sales_enriched__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.int_sales_hourly
create temporary table
    "int_sales_hourly__dbt_tmp<suffix>"
  as (
<compiled code of model.ecom.int_sales_hourly>
  );
BEGIN;
/* dbt metadata query: columns of <temporary>.int_sales_hourly__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_intermediate.int_sales_hourly */;
/* dbt metadata query: columns of <temporary>.int_sales_hourly__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_intermediate.int_sales_hourly */;
insert into "dev"."analytics_intermediate"."int_sales_hourly" ("sales_hour", "sales_date", "day_of_week", "hour_of_day", "order_count", "units_sold", "revenue", "refreshed_at")
    (
        select "sales_hour", "sales_date", "day_of_week", "hour_of_day", "order_count", "units_sold", "revenue", "refreshed_at"
        from "int_sales_hourly__dbt_tmp<suffix>"
    );
delete from "dev"."analytics_intermediate"."int_sales_hourly"
        where
            refreshed_at < cast('<timestamp>' as timestamp)
            and (sales_date in (select distinct cast(transaction_at as date) as sales_date from "dev"."analytics_intermediate"."int_sales_validated" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "dev"."analytics_intermediate"."int_sales_hourly" where refreshed_at < cast('<timestamp>' as timestamp)) and transaction_at is not null));
COMMIT;

-- ---- model.ecom.int_sales_validated
create temporary table
    "int_sales_validated__dbt_tmp<suffix>"
  as (
<compiled code of model.ecom.int_sales_validated>
  );
BEGIN;
/* dbt metadata query: columns of <temporary>.int_sales_validated__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_intermediate.int_sales_validated */;
/* dbt metadata query: columns of <temporary>.int_sales_validated__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_intermediate.int_sales_validated */;
-- back compat for old kwarg name
    merge into "dev"."analytics_intermediate"."int_sales_validated"
        using "int_sales_validated__dbt_tmp<suffix>" as DBT_INTERNAL_SOURCE
        on (
                DBT_INTERNAL_SOURCE.sales_row_id = "dev"."analytics_intermediate"."int_sales_validated".sales_row_id
            )
    when matched then update set
        "sales_row_id" = DBT_INTERNAL_SOURCE."sales_row_id",
        "transaction_id" = DBT_INTERNAL_SOURCE."transaction_id",
        "line_number" = DBT_INTERNAL_SOURCE."line_number",
        "customer_id" = DBT_INTERNAL_SOURCE."customer_id",
        "product_id" = DBT_INTERNAL_SOURCE."product_id",
        "line_type" = DBT_INTERNAL_SOURCE."line_type",
        "original_transaction_id" = DBT_INTERNAL_SOURCE."original_transaction_id",
        "batch_id" = DBT_INTERNAL_SOURCE."batch_id",
        "landed_file_name" = DBT_INTERNAL_SOURCE."landed_file_name",
        "quantity_raw" = DBT_INTERNAL_SOURCE."quantity_raw",
        "amount_raw" = DBT_INTERNAL_SOURCE."amount_raw",
        "transaction_date_raw" = DBT_INTERNAL_SOURCE."transaction_date_raw",
        "reject_reason" = DBT_INTERNAL_SOURCE."reject_reason",
        "quantity" = DBT_INTERNAL_SOURCE."quantity",
        "amount" = DBT_INTERNAL_SOURCE."amount",
        "ingest_date" = DBT_INTERNAL_SOURCE."ingest_date",
        "transaction_at" = DBT_INTERNAL_SOURCE."transaction_at",
        "refreshed_at" = DBT_INTERNAL_SOURCE."refreshed_at"
    when not matched then insert (
        "sales_row_id",
        "transaction_id",
        "line_number",
        "customer_id",
        "product_id",
        "line_type",
        "original_transaction_id",
        "batch_id",
        "landed_file_name",
        "quantity_raw",
        "amount_raw",
        "transaction_date_raw",
        "reject_reason",
        "quantity",
        "amount",
        "ingest_date",
        "transaction_at",
        "refreshed_at"
    )
    values (
        DBT_INTERNAL_SOURCE."sales_row_id",
        DBT_INTERNAL_SOURCE."transaction_id",
        DBT_INTERNAL_SOURCE."line_number",
        DBT_INTERNAL_SOURCE."customer_id",
        DBT_INTERNAL_SOURCE."product_id",
        DBT_INTERNAL_SOURCE."line_type",
        DBT_INTERNAL_SOURCE."original_transaction_id",
        DBT_INTERNAL_SOURCE."batch_id",
        DBT_INTERNAL_SOURCE."landed_file_name",
        DBT_INTERNAL_SOURCE."quantity_raw",
        DBT_INTERNAL_SOURCE."amount_raw",
        DBT_INTERNAL_SOURCE."transaction_date_raw",
        DBT_INTERNAL_SOURCE."reject_reason",
        DBT_INTERNAL_SOURCE."quantity",
        DBT_INTERNAL_SOURCE."amount",
        DBT_INTERNAL_SOURCE."ingest_date",
        DBT_INTERNAL_SOURCE."transaction_at",
        DBT_INTERNAL_SOURCE."refreshed_at"
    );
COMMIT;

-- ---- model.ecom.qa_ingest_reconciliation
select * from (
        <compiled code of model.ecom.qa_ingest_reconciliation>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as reconciliation_id,
    cast(null as varchar(65535))
 as entity,
    cast(null as varchar(65535))
 as batch_id,
    cast(null as varchar(65535))
 as landed_file_name,
    cast(null as integer)
 as rows_landed,
    cast(null as integer)
 as rows_used,
    cast(null as integer)
 as rows_rejected,
    cast(null as boolean)
 as is_balanced,
    cast(null as date)
 as ingest_date,
    cast(null as integer)
 as rows_received,
    cast(null as integer)
 as rows_staged,
    cast(null as integer)
 as rows_refused,
    cast(null as boolean)
 as is_read_in_full,
    cast(null as timestamp)
 as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create temporary table
    "qa_ingest_reconciliation__dbt_tmp<suffix>"
  (
    reconciliation_id varchar(65535) not null,
    entity varchar(65535),
    batch_id varchar(65535),
    landed_file_name varchar(65535),
    rows_landed integer,
    rows_used integer,
    rows_rejected integer,
    is_balanced boolean,
    ingest_date date,
    rows_received integer,
    rows_staged integer,
    rows_refused integer,
    is_read_in_full boolean,
    refreshed_at timestamp
    )
  ;
insert into "qa_ingest_reconciliation__dbt_tmp<suffix>"
    (
    select reconciliation_id, entity, batch_id, landed_file_name, rows_landed, rows_used, rows_rejected, is_balanced, ingest_date, rows_received, rows_staged, rows_refused, is_read_in_full, refreshed_at
    from (
        <compiled code of model.ecom.qa_ingest_reconciliation>
    ) as model_subq
    )
  ;
BEGIN;
/* dbt metadata query: columns of <temporary>.qa_ingest_reconciliation__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_qa.qa_ingest_reconciliation */;
-- back compat for old kwarg name
    merge into "dev"."analytics_qa"."qa_ingest_reconciliation"
        using "qa_ingest_reconciliation__dbt_tmp<suffix>" as DBT_INTERNAL_SOURCE
        on (
                DBT_INTERNAL_SOURCE.reconciliation_id = "dev"."analytics_qa"."qa_ingest_reconciliation".reconciliation_id
            )
    when matched then update set
        "reconciliation_id" = DBT_INTERNAL_SOURCE."reconciliation_id",
        "entity" = DBT_INTERNAL_SOURCE."entity",
        "batch_id" = DBT_INTERNAL_SOURCE."batch_id",
        "landed_file_name" = DBT_INTERNAL_SOURCE."landed_file_name",
        "rows_landed" = DBT_INTERNAL_SOURCE."rows_landed",
        "rows_used" = DBT_INTERNAL_SOURCE."rows_used",
        "rows_rejected" = DBT_INTERNAL_SOURCE."rows_rejected",
        "is_balanced" = DBT_INTERNAL_SOURCE."is_balanced",
        "ingest_date" = DBT_INTERNAL_SOURCE."ingest_date",
        "rows_received" = DBT_INTERNAL_SOURCE."rows_received",
        "rows_staged" = DBT_INTERNAL_SOURCE."rows_staged",
        "rows_refused" = DBT_INTERNAL_SOURCE."rows_refused",
        "is_read_in_full" = DBT_INTERNAL_SOURCE."is_read_in_full",
        "refreshed_at" = DBT_INTERNAL_SOURCE."refreshed_at"
    when not matched then insert (
        "reconciliation_id",
        "entity",
        "batch_id",
        "landed_file_name",
        "rows_landed",
        "rows_used",
        "rows_rejected",
        "is_balanced",
        "ingest_date",
        "rows_received",
        "rows_staged",
        "rows_refused",
        "is_read_in_full",
        "refreshed_at"
    )
    values (
        DBT_INTERNAL_SOURCE."reconciliation_id",
        DBT_INTERNAL_SOURCE."entity",
        DBT_INTERNAL_SOURCE."batch_id",
        DBT_INTERNAL_SOURCE."landed_file_name",
        DBT_INTERNAL_SOURCE."rows_landed",
        DBT_INTERNAL_SOURCE."rows_used",
        DBT_INTERNAL_SOURCE."rows_rejected",
        DBT_INTERNAL_SOURCE."is_balanced",
        DBT_INTERNAL_SOURCE."ingest_date",
        DBT_INTERNAL_SOURCE."rows_received",
        DBT_INTERNAL_SOURCE."rows_staged",
        DBT_INTERNAL_SOURCE."rows_refused",
        DBT_INTERNAL_SOURCE."is_read_in_full",
        DBT_INTERNAL_SOURCE."refreshed_at"
    );
comment on table "dev"."analytics_qa"."qa_ingest_reconciliation" is <description from the yml>;
/* dbt metadata query: columns of analytics_qa.qa_ingest_reconciliation */;
/* dbt metadata query: columns of analytics_qa.qa_ingest_reconciliation */;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".reconciliation_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".entity is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".batch_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".landed_file_name is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_landed is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_used is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_rejected is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".is_balanced is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".ingest_date is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_received is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_staged is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_refused is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".is_read_in_full is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".refreshed_at is <description from the yml>;
delete from "dev"."analytics_qa"."qa_ingest_reconciliation"
        where
            refreshed_at < cast('<timestamp>' as timestamp)
            and (
                entity <> 'sales'
                or (
                    landed_file_name not in (
                        select manifest.landed_file_name
                        from "dev"."analytics_staging"."stg_lake__landed_files" as manifest
                        where
                            manifest.entity = 'sales'
                            and manifest.file_status = 'landed'
                            and manifest.landed_file_name is not null
                    )
                    and landed_file_name not in (
                        select refused.landed_file_name
                        from "dev"."analytics_staging"."stg_lake__refused_rows" as refused
                        where refused.entity = 'sales' and refused.landed_file_name is not null
                    )
                    and landed_file_name not in (
                        select distinct staged.landed_file_name
                        from "dev"."analytics_staging"."stg_shop__sales" as staged
                        where staged.landed_file_name is not null
                    )
                )
            );
COMMIT;

-- ---- model.ecom.qa_rejected_customers
select * from (
<compiled code of model.ecom.qa_rejected_customers>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as customer_row_id,
    cast(null as varchar(65535))
 as customer_id,
    cast(null as varchar(65535))
 as batch_id,
    cast(null as varchar(65535))
 as landed_file_name,
    cast(null as varchar(65535))
 as reject_reason,
    cast(null as varchar(65535))
 as reject_detail,
    cast(null as varchar(65535))
 as customer_name,
    cast(null as varchar(65535))
 as email,
    cast(null as varchar(65535))
 as city,
    cast(null as varchar(65535))
 as signup_date_raw,
    cast(null as varchar(65535))
 as updated_at_raw,
    cast(null as varchar(65535))
 as raw_row,
    cast(null as integer)
 as line_number,
    cast(null as date)
 as ingest_date,
    cast(null as timestamp)
 as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_qa"."qa_rejected_customers__dbt_tmp"
  (
    customer_row_id varchar(65535) not null,
    customer_id varchar(65535),
    batch_id varchar(65535),
    landed_file_name varchar(65535),
    reject_reason varchar(65535),
    reject_detail varchar(65535),
    customer_name varchar(65535),
    email varchar(65535),
    city varchar(65535),
    signup_date_raw varchar(65535),
    updated_at_raw varchar(65535),
    raw_row varchar(65535),
    line_number integer,
    ingest_date date,
    refreshed_at timestamp
    )
  ;
insert into "dev"."analytics_qa"."qa_rejected_customers__dbt_tmp"
    (
    select customer_row_id, customer_id, batch_id, landed_file_name, reject_reason, reject_detail, customer_name, email, city, signup_date_raw, updated_at_raw, raw_row, line_number, ingest_date, refreshed_at
    from (
<compiled code of model.ecom.qa_rejected_customers>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_qa"."qa_rejected_customers" rename to "qa_rejected_customers__dbt_backup";
alter table "dev"."analytics_qa"."qa_rejected_customers__dbt_tmp" rename to "qa_rejected_customers";
comment on table "dev"."analytics_qa"."qa_rejected_customers" is <description from the yml>;
/* dbt metadata query: columns of analytics_qa.qa_rejected_customers */;
/* dbt metadata query: columns of analytics_qa.qa_rejected_customers */;
comment on column "dev"."analytics_qa"."qa_rejected_customers".customer_row_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".customer_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".batch_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".landed_file_name is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".reject_reason is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".reject_detail is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".customer_name is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".email is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".city is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".signup_date_raw is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".updated_at_raw is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".raw_row is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".line_number is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".ingest_date is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_customers".refreshed_at is <description from the yml>;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_qa"."qa_rejected_customers__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.qa_rejected_products
select * from (
<compiled code of model.ecom.qa_rejected_products>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as product_row_id,
    cast(null as varchar(65535))
 as product_id,
    cast(null as varchar(65535))
 as batch_id,
    cast(null as varchar(65535))
 as landed_file_name,
    cast(null as varchar(65535))
 as reject_reason,
    cast(null as varchar(65535))
 as reject_detail,
    cast(null as varchar(65535))
 as product_name,
    cast(null as varchar(65535))
 as category,
    cast(null as varchar(65535))
 as list_price_raw,
    cast(null as varchar(65535))
 as stock_quantity_raw,
    cast(null as varchar(65535))
 as raw_row,
    cast(null as integer)
 as line_number,
    cast(null as date)
 as ingest_date,
    cast(null as timestamp)
 as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_qa"."qa_rejected_products__dbt_tmp"
  (
    product_row_id varchar(65535) not null,
    product_id varchar(65535),
    batch_id varchar(65535),
    landed_file_name varchar(65535),
    reject_reason varchar(65535),
    reject_detail varchar(65535),
    product_name varchar(65535),
    category varchar(65535),
    list_price_raw varchar(65535),
    stock_quantity_raw varchar(65535),
    raw_row varchar(65535),
    line_number integer,
    ingest_date date,
    refreshed_at timestamp
    )
  ;
insert into "dev"."analytics_qa"."qa_rejected_products__dbt_tmp"
    (
    select product_row_id, product_id, batch_id, landed_file_name, reject_reason, reject_detail, product_name, category, list_price_raw, stock_quantity_raw, raw_row, line_number, ingest_date, refreshed_at
    from (
<compiled code of model.ecom.qa_rejected_products>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_qa"."qa_rejected_products" rename to "qa_rejected_products__dbt_backup";
alter table "dev"."analytics_qa"."qa_rejected_products__dbt_tmp" rename to "qa_rejected_products";
comment on table "dev"."analytics_qa"."qa_rejected_products" is <description from the yml>;
/* dbt metadata query: columns of analytics_qa.qa_rejected_products */;
/* dbt metadata query: columns of analytics_qa.qa_rejected_products */;
comment on column "dev"."analytics_qa"."qa_rejected_products".product_row_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".product_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".batch_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".landed_file_name is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".reject_reason is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".reject_detail is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".product_name is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".category is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".list_price_raw is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".stock_quantity_raw is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".raw_row is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".line_number is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".ingest_date is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_products".refreshed_at is <description from the yml>;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_qa"."qa_rejected_products__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.qa_rejected_sales
BEGIN;
delete from "dev"."analytics_qa"."qa_rejected_sales" where sales_row_id in (select sales_row_id from (select * from "dev"."analytics_intermediate"."int_sales_validated" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "dev"."analytics_qa"."qa_rejected_sales")) as redecided where reject_reason is null);
select * from (
        <compiled code of model.ecom.qa_rejected_sales>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as sales_row_id,
    cast(null as varchar(65535))
 as transaction_id,
    cast(null as varchar(65535))
 as customer_id,
    cast(null as varchar(65535))
 as product_id,
    cast(null as varchar(65535))
 as batch_id,
    cast(null as varchar(65535))
 as landed_file_name,
    cast(null as varchar(65535))
 as reject_reason,
    cast(null as varchar(65535))
 as reject_detail,
    cast(null as varchar(65535))
 as quantity_raw,
    cast(null as varchar(65535))
 as amount_raw,
    cast(null as varchar(65535))
 as transaction_date_raw,
    cast(null as varchar(65535))
 as raw_row,
    cast(null as integer)
 as line_number,
    cast(null as date)
 as ingest_date,
    cast(null as timestamp)
 as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create temporary table
    "qa_rejected_sales__dbt_tmp<suffix>"
  (
    sales_row_id varchar(65535) not null,
    transaction_id varchar(65535),
    customer_id varchar(65535),
    product_id varchar(65535),
    batch_id varchar(65535),
    landed_file_name varchar(65535),
    reject_reason varchar(65535),
    reject_detail varchar(65535),
    quantity_raw varchar(65535),
    amount_raw varchar(65535),
    transaction_date_raw varchar(65535),
    raw_row varchar(65535),
    line_number integer,
    ingest_date date,
    refreshed_at timestamp
    )
  ;
insert into "qa_rejected_sales__dbt_tmp<suffix>"
    (
    select sales_row_id, transaction_id, customer_id, product_id, batch_id, landed_file_name, reject_reason, reject_detail, quantity_raw, amount_raw, transaction_date_raw, raw_row, line_number, ingest_date, refreshed_at
    from (
        <compiled code of model.ecom.qa_rejected_sales>
    ) as model_subq
    )
  ;
/* dbt metadata query: columns of <temporary>.qa_rejected_sales__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_qa.qa_rejected_sales */;
-- back compat for old kwarg name
    merge into "dev"."analytics_qa"."qa_rejected_sales"
        using "qa_rejected_sales__dbt_tmp<suffix>" as DBT_INTERNAL_SOURCE
        on (
                DBT_INTERNAL_SOURCE.sales_row_id = "dev"."analytics_qa"."qa_rejected_sales".sales_row_id
            )
    when matched then update set
        "sales_row_id" = DBT_INTERNAL_SOURCE."sales_row_id",
        "transaction_id" = DBT_INTERNAL_SOURCE."transaction_id",
        "customer_id" = DBT_INTERNAL_SOURCE."customer_id",
        "product_id" = DBT_INTERNAL_SOURCE."product_id",
        "batch_id" = DBT_INTERNAL_SOURCE."batch_id",
        "landed_file_name" = DBT_INTERNAL_SOURCE."landed_file_name",
        "reject_reason" = DBT_INTERNAL_SOURCE."reject_reason",
        "reject_detail" = DBT_INTERNAL_SOURCE."reject_detail",
        "quantity_raw" = DBT_INTERNAL_SOURCE."quantity_raw",
        "amount_raw" = DBT_INTERNAL_SOURCE."amount_raw",
        "transaction_date_raw" = DBT_INTERNAL_SOURCE."transaction_date_raw",
        "raw_row" = DBT_INTERNAL_SOURCE."raw_row",
        "line_number" = DBT_INTERNAL_SOURCE."line_number",
        "ingest_date" = DBT_INTERNAL_SOURCE."ingest_date",
        "refreshed_at" = DBT_INTERNAL_SOURCE."refreshed_at"
    when not matched then insert (
        "sales_row_id",
        "transaction_id",
        "customer_id",
        "product_id",
        "batch_id",
        "landed_file_name",
        "reject_reason",
        "reject_detail",
        "quantity_raw",
        "amount_raw",
        "transaction_date_raw",
        "raw_row",
        "line_number",
        "ingest_date",
        "refreshed_at"
    )
    values (
        DBT_INTERNAL_SOURCE."sales_row_id",
        DBT_INTERNAL_SOURCE."transaction_id",
        DBT_INTERNAL_SOURCE."customer_id",
        DBT_INTERNAL_SOURCE."product_id",
        DBT_INTERNAL_SOURCE."batch_id",
        DBT_INTERNAL_SOURCE."landed_file_name",
        DBT_INTERNAL_SOURCE."reject_reason",
        DBT_INTERNAL_SOURCE."reject_detail",
        DBT_INTERNAL_SOURCE."quantity_raw",
        DBT_INTERNAL_SOURCE."amount_raw",
        DBT_INTERNAL_SOURCE."transaction_date_raw",
        DBT_INTERNAL_SOURCE."raw_row",
        DBT_INTERNAL_SOURCE."line_number",
        DBT_INTERNAL_SOURCE."ingest_date",
        DBT_INTERNAL_SOURCE."refreshed_at"
    );
comment on table "dev"."analytics_qa"."qa_rejected_sales" is <description from the yml>;
/* dbt metadata query: columns of analytics_qa.qa_rejected_sales */;
/* dbt metadata query: columns of analytics_qa.qa_rejected_sales */;
comment on column "dev"."analytics_qa"."qa_rejected_sales".sales_row_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".transaction_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".customer_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".product_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".batch_id is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".landed_file_name is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".reject_reason is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".reject_detail is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".quantity_raw is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".amount_raw is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".transaction_date_raw is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".raw_row is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".line_number is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".ingest_date is <description from the yml>;
comment on column "dev"."analytics_qa"."qa_rejected_sales".refreshed_at is <description from the yml>;
COMMIT;

-- ---- model.ecom.rpt_customer_lifetime_value
select * from (
<compiled code of model.ecom.rpt_customer_lifetime_value>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as customer_id,
    cast(null as varchar(65535))
 as customer_name,
    cast(null as varchar(65535))
 as email,
    cast(null as varchar(65535))
 as city,
    cast(null as integer)
 as order_count,
    cast(null as integer)
 as units_purchased,
    cast(null as decimal(18,2))
 as gross_sales,
    cast(null as decimal(18,2))
 as returns,
    cast(null as decimal(18,2))
 as lifetime_value,
    cast(null as decimal(18,2))
 as avg_order_value,
    cast(null as integer)
 as tenure_days,
    cast(null as integer)
 as days_since_last_order,
    cast(null as boolean)
 as is_inferred,
    cast(null as date)
 as first_order_date,
    cast(null as date)
 as last_order_date,
    cast(null as date)
 as as_of_date
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."rpt_customer_lifetime_value__dbt_tmp"
  (
    customer_id varchar(65535) not null,
    customer_name varchar(65535),
    email varchar(65535),
    city varchar(65535),
    order_count integer,
    units_purchased integer,
    gross_sales decimal(18,2),
    returns decimal(18,2),
    lifetime_value decimal(18,2),
    avg_order_value decimal(18,2),
    tenure_days integer,
    days_since_last_order integer,
    is_inferred boolean,
    first_order_date date,
    last_order_date date,
    as_of_date date
    )
  ;
insert into "dev"."analytics_marts"."rpt_customer_lifetime_value__dbt_tmp"
    (
    select customer_id, customer_name, email, city, order_count, units_purchased, gross_sales, returns, lifetime_value, avg_order_value, tenure_days, days_since_last_order, is_inferred, first_order_date, last_order_date, as_of_date
    from (
<compiled code of model.ecom.rpt_customer_lifetime_value>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."rpt_customer_lifetime_value" rename to "rpt_customer_lifetime_value__dbt_backup";
alter table "dev"."analytics_marts"."rpt_customer_lifetime_value__dbt_tmp" rename to "rpt_customer_lifetime_value";
comment on table "dev"."analytics_marts"."rpt_customer_lifetime_value" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.rpt_customer_lifetime_value */;
/* dbt metadata query: columns of analytics_marts.rpt_customer_lifetime_value */;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".customer_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".customer_name is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".email is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".city is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".order_count is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".units_purchased is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".gross_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".returns is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".lifetime_value is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".avg_order_value is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".tenure_days is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".days_since_last_order is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".is_inferred is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".first_order_date is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".last_order_date is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".as_of_date is <description from the yml>;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."rpt_customer_lifetime_value__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.rpt_customer_predictions
select * from (
<compiled code of model.ecom.rpt_customer_predictions>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as customer_id,
    cast(null as varchar(65535))
 as customer_name,
    cast(null as varchar(65535))
 as email,
    cast(null as varchar(65535))
 as city,
    cast(null as varchar(65535))
 as risk_band,
    cast(null as varchar(65535))
 as model_version,
    cast(null as decimal(9,4))
 as buy_probability,
    cast(null as decimal(18,2))
 as expected_orders,
    cast(null as decimal(18,2))
 as expected_net_sales,
    cast(null as integer)
 as orders_last_90_days,
    cast(null as decimal(18,2))
 as net_sales_last_90_days,
    cast(null as integer)
 as days_since_last_order,
    cast(null as integer)
 as horizon_days,
    cast(null as boolean)
 as is_at_risk,
    cast(null as date)
 as last_order_date,
    cast(null as date)
 as as_of_date,
    cast(null as date)
 as training_cutoff_date,
    cast(null as timestamp)
 as scored_at
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create view "dev"."analytics_marts"."rpt_customer_predictions__dbt_tmp" as (
<compiled code of model.ecom.rpt_customer_predictions>
  ) ;
alter table "dev"."analytics_marts"."rpt_customer_predictions" rename to "rpt_customer_predictions__dbt_backup";
alter table "dev"."analytics_marts"."rpt_customer_predictions__dbt_tmp" rename to "rpt_customer_predictions";
comment on view "dev"."analytics_marts"."rpt_customer_predictions" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.rpt_customer_predictions */;
/* dbt metadata query: columns of analytics_marts.rpt_customer_predictions */;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".customer_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".customer_name is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".email is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".city is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".risk_band is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".model_version is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".buy_probability is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".expected_orders is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".expected_net_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".orders_last_90_days is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".net_sales_last_90_days is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".days_since_last_order is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".horizon_days is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".is_at_risk is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".last_order_date is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".as_of_date is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".training_cutoff_date is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_predictions".scored_at is <description from the yml>;
COMMIT;
BEGIN;
drop view if exists "dev"."analytics_marts"."rpt_customer_predictions__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.rpt_customer_segments
select * from (
<compiled code of model.ecom.rpt_customer_segments>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as customer_id,
    cast(null as varchar(65535))
 as segment_code,
    cast(null as varchar(65535))
 as segment_name,
    cast(null as varchar(65535))
 as customer_name,
    cast(null as varchar(65535))
 as city,
    cast(null as varchar(65535))
 as rfm_score,
    cast(null as integer)
 as recency_score,
    cast(null as integer)
 as frequency_score,
    cast(null as integer)
 as monetary_score,
    cast(null as integer)
 as days_since_last_order,
    cast(null as integer)
 as order_count,
    cast(null as decimal(18,2))
 as lifetime_value,
    cast(null as boolean)
 as is_inferred,
    cast(null as date)
 as last_order_date
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."rpt_customer_segments__dbt_tmp"
  (
    customer_id varchar(65535) not null,
    segment_code varchar(65535),
    segment_name varchar(65535),
    customer_name varchar(65535),
    city varchar(65535),
    rfm_score varchar(65535),
    recency_score integer,
    frequency_score integer,
    monetary_score integer,
    days_since_last_order integer,
    order_count integer,
    lifetime_value decimal(18,2),
    is_inferred boolean,
    last_order_date date
    )
  ;
insert into "dev"."analytics_marts"."rpt_customer_segments__dbt_tmp"
    (
    select customer_id, segment_code, segment_name, customer_name, city, rfm_score, recency_score, frequency_score, monetary_score, days_since_last_order, order_count, lifetime_value, is_inferred, last_order_date
    from (
<compiled code of model.ecom.rpt_customer_segments>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."rpt_customer_segments" rename to "rpt_customer_segments__dbt_backup";
alter table "dev"."analytics_marts"."rpt_customer_segments__dbt_tmp" rename to "rpt_customer_segments";
comment on table "dev"."analytics_marts"."rpt_customer_segments" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.rpt_customer_segments */;
/* dbt metadata query: columns of analytics_marts.rpt_customer_segments */;
comment on column "dev"."analytics_marts"."rpt_customer_segments".customer_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".segment_code is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".segment_name is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".customer_name is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".city is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".rfm_score is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".recency_score is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".frequency_score is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".monetary_score is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".days_since_last_order is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".order_count is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".lifetime_value is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".is_inferred is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_customer_segments".last_order_date is <description from the yml>;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."rpt_customer_segments__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.rpt_daily_sales_summary
select * from (
<compiled code of model.ecom.rpt_daily_sales_summary>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as date)
 as sales_date,
    cast(null as integer)
 as order_count,
    cast(null as integer)
 as guest_order_count,
    cast(null as integer)
 as units_sold,
    cast(null as integer)
 as units_returned,
    cast(null as decimal(18,2))
 as gross_sales,
    cast(null as decimal(18,2))
 as discounts,
    cast(null as decimal(18,2))
 as returns,
    cast(null as decimal(18,2))
 as net_sales,
    cast(null as decimal(18,2))
 as shipping,
    cast(null as decimal(18,2))
 as fees,
    cast(null as decimal(18,2))
 as total_sales,
    cast(null as decimal(18,2))
 as avg_order_value,
    cast(null as decimal(18,2))
 as avg_items_per_order,
    cast(null as decimal(18,2))
 as return_rate_pct,
    cast(null as decimal(18,2))
 as guest_net_sales,
    cast(null as decimal(18,2))
 as guest_share_pct,
    cast(null as integer)
 as unique_customers,
    cast(null as integer)
 as new_customers,
    cast(null as integer)
 as returning_customers,
    cast(null as timestamp)
 as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create temporary table
    "rpt_daily_sales_summary__dbt_tmp<suffix>"
  (
    sales_date date not null,
    order_count integer,
    guest_order_count integer,
    units_sold integer,
    units_returned integer,
    gross_sales decimal(18,2),
    discounts decimal(18,2),
    returns decimal(18,2),
    net_sales decimal(18,2),
    shipping decimal(18,2),
    fees decimal(18,2),
    total_sales decimal(18,2),
    avg_order_value decimal(18,2),
    avg_items_per_order decimal(18,2),
    return_rate_pct decimal(18,2),
    guest_net_sales decimal(18,2),
    guest_share_pct decimal(18,2),
    unique_customers integer,
    new_customers integer,
    returning_customers integer,
    refreshed_at timestamp
    )
  ;
insert into "rpt_daily_sales_summary__dbt_tmp<suffix>"
    (
    select sales_date, order_count, guest_order_count, units_sold, units_returned, gross_sales, discounts, returns, net_sales, shipping, fees, total_sales, avg_order_value, avg_items_per_order, return_rate_pct, guest_net_sales, guest_share_pct, unique_customers, new_customers, returning_customers, refreshed_at
    from (
<compiled code of model.ecom.rpt_daily_sales_summary>
    ) as model_subq
    )
  ;
BEGIN;
/* dbt metadata query: columns of <temporary>.rpt_daily_sales_summary__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_marts.rpt_daily_sales_summary */;
insert into "dev"."analytics_marts"."rpt_daily_sales_summary" ("sales_date", "order_count", "guest_order_count", "units_sold", "units_returned", "gross_sales", "discounts", "returns", "net_sales", "shipping", "fees", "total_sales", "avg_order_value", "avg_items_per_order", "return_rate_pct", "guest_net_sales", "guest_share_pct", "unique_customers", "new_customers", "returning_customers", "refreshed_at")
    (
        select "sales_date", "order_count", "guest_order_count", "units_sold", "units_returned", "gross_sales", "discounts", "returns", "net_sales", "shipping", "fees", "total_sales", "avg_order_value", "avg_items_per_order", "return_rate_pct", "guest_net_sales", "guest_share_pct", "unique_customers", "new_customers", "returning_customers", "refreshed_at"
        from "rpt_daily_sales_summary__dbt_tmp<suffix>"
    );
comment on table "dev"."analytics_marts"."rpt_daily_sales_summary" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.rpt_daily_sales_summary */;
/* dbt metadata query: columns of analytics_marts.rpt_daily_sales_summary */;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".sales_date is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".order_count is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".guest_order_count is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".units_sold is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".units_returned is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".gross_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".discounts is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".returns is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".net_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".shipping is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".fees is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".total_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".avg_order_value is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".avg_items_per_order is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".return_rate_pct is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".guest_net_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".guest_share_pct is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".unique_customers is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".new_customers is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".returning_customers is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".refreshed_at is <description from the yml>;
delete from "dev"."analytics_marts"."rpt_daily_sales_summary"
        where
            refreshed_at < cast('<timestamp>' as timestamp)
            and (sales_date in (select distinct cast(transaction_at as date) as sales_date from "dev"."analytics_intermediate"."int_sales_validated" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "dev"."analytics_marts"."rpt_daily_sales_summary" where refreshed_at < cast('<timestamp>' as timestamp)) and transaction_at is not null union select min(order_date) as sales_date from "dev"."analytics_marts"."fct_orders" where is_order and customer_id in (select changed.customer_id
        from "dev"."analytics_intermediate"."int_sales_validated" as changed
        inner join "dev"."analytics_intermediate"."int_customer_orders" as orders
            on changed.customer_id = orders.customer_id
        where
            changed.refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "dev"."analytics_marts"."rpt_daily_sales_summary" where refreshed_at < cast('<timestamp>' as timestamp))
            and changed.customer_id is not null
            and cast(changed.transaction_at as date) <= orders.first_order_date) and order_date not in (select distinct cast(transaction_at as date) as sales_date from "dev"."analytics_intermediate"."int_sales_validated" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "dev"."analytics_marts"."rpt_daily_sales_summary" where refreshed_at < cast('<timestamp>' as timestamp)) and transaction_at is not null) group by customer_id));
COMMIT;

-- ---- model.ecom.rpt_pipeline_runs
select * from (
<compiled code of model.ecom.rpt_pipeline_runs>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as run_id,
    cast(null as varchar(65535))
 as command,
    cast(null as varchar(65535))
 as run_status,
    cast(null as varchar(65535))
 as error_message,
    cast(null as integer)
 as exit_code,
    cast(null as decimal(18,3))
 as duration_seconds,
    cast(null as decimal(18,3))
 as ingest_seconds,
    cast(null as decimal(18,3))
 as dbt_build_seconds,
    cast(null as decimal(18,3))
 as report_seconds,
    cast(null as integer)
 as files_received,
    cast(null as integer)
 as files_landed,
    cast(null as integer)
 as files_quarantined,
    cast(null as integer)
 as rows_landed,
    cast(null as integer)
 as rows_rejected,
    cast(null as integer)
 as models_built,
    cast(null as integer)
 as models_failed,
    cast(null as integer)
 as tests_passed,
    cast(null as integer)
 as tests_warned,
    cast(null as integer)
 as tests_failed,
    cast(null as integer)
 as reports_written,
    cast(null as boolean)
 as is_successful,
    cast(null as boolean)
 as is_latest_run_of_day,
    cast(null as date)
 as run_date,
    cast(null as timestamp)
 as started_at,
    cast(null as timestamp)
 as finished_at
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."rpt_pipeline_runs__dbt_tmp"
  (
    run_id varchar(65535) not null,
    command varchar(65535),
    run_status varchar(65535),
    error_message varchar(65535),
    exit_code integer,
    duration_seconds decimal(18,3),
    ingest_seconds decimal(18,3),
    dbt_build_seconds decimal(18,3),
    report_seconds decimal(18,3),
    files_received integer,
    files_landed integer,
    files_quarantined integer,
    rows_landed integer,
    rows_rejected integer,
    models_built integer,
    models_failed integer,
    tests_passed integer,
    tests_warned integer,
    tests_failed integer,
    reports_written integer,
    is_successful boolean,
    is_latest_run_of_day boolean,
    run_date date,
    started_at timestamp,
    finished_at timestamp
    )
  ;
insert into "dev"."analytics_marts"."rpt_pipeline_runs__dbt_tmp"
    (
    select run_id, command, run_status, error_message, exit_code, duration_seconds, ingest_seconds, dbt_build_seconds, report_seconds, files_received, files_landed, files_quarantined, rows_landed, rows_rejected, models_built, models_failed, tests_passed, tests_warned, tests_failed, reports_written, is_successful, is_latest_run_of_day, run_date, started_at, finished_at
    from (
<compiled code of model.ecom.rpt_pipeline_runs>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."rpt_pipeline_runs" rename to "rpt_pipeline_runs__dbt_backup";
alter table "dev"."analytics_marts"."rpt_pipeline_runs__dbt_tmp" rename to "rpt_pipeline_runs";
comment on table "dev"."analytics_marts"."rpt_pipeline_runs" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.rpt_pipeline_runs */;
/* dbt metadata query: columns of analytics_marts.rpt_pipeline_runs */;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".run_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".command is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".run_status is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".error_message is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".exit_code is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".duration_seconds is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".ingest_seconds is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".dbt_build_seconds is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".report_seconds is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".files_received is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".files_landed is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".files_quarantined is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".rows_landed is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".rows_rejected is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".models_built is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".models_failed is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".tests_passed is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".tests_warned is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".tests_failed is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".reports_written is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".is_successful is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".is_latest_run_of_day is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".run_date is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".started_at is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".finished_at is <description from the yml>;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."rpt_pipeline_runs__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.rpt_recent_transactions
select * from (
<compiled code of model.ecom.rpt_recent_transactions>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as sales_row_id,
    cast(null as varchar(65535))
 as transaction_id,
    cast(null as integer)
 as line_number,
    cast(null as varchar(65535))
 as customer_id,
    cast(null as boolean)
 as is_guest,
    cast(null as varchar(65535))
 as product_id,
    cast(null as varchar(65535))
 as line_type,
    cast(null as boolean)
 as is_return,
    cast(null as varchar(65535))
 as customer_key,
    cast(null as varchar(65535))
 as customer_name,
    cast(null as varchar(65535))
 as city,
    cast(null as varchar(65535))
 as product_name,
    cast(null as varchar(65535))
 as category,
    cast(null as integer)
 as quantity,
    cast(null as decimal(18,2))
 as unit_price,
    cast(null as decimal(18,2))
 as amount,
    cast(null as boolean)
 as is_customer_inferred,
    cast(null as boolean)
 as is_product_inferred,
    cast(null as date)
 as transaction_date,
    cast(null as timestamp)
 as transaction_at
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."rpt_recent_transactions__dbt_tmp"
  (
    sales_row_id varchar(65535) not null,
    transaction_id varchar(65535) not null,
    line_number integer,
    customer_id varchar(65535),
    is_guest boolean,
    product_id varchar(65535),
    line_type varchar(65535),
    is_return boolean,
    customer_key varchar(65535),
    customer_name varchar(65535),
    city varchar(65535),
    product_name varchar(65535),
    category varchar(65535),
    quantity integer,
    unit_price decimal(18,2),
    amount decimal(18,2),
    is_customer_inferred boolean,
    is_product_inferred boolean,
    transaction_date date,
    transaction_at timestamp
    )
  ;
insert into "dev"."analytics_marts"."rpt_recent_transactions__dbt_tmp"
    (
    select sales_row_id, transaction_id, line_number, customer_id, is_guest, product_id, line_type, is_return, customer_key, customer_name, city, product_name, category, quantity, unit_price, amount, is_customer_inferred, is_product_inferred, transaction_date, transaction_at
    from (
<compiled code of model.ecom.rpt_recent_transactions>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."rpt_recent_transactions" rename to "rpt_recent_transactions__dbt_backup";
alter table "dev"."analytics_marts"."rpt_recent_transactions__dbt_tmp" rename to "rpt_recent_transactions";
comment on table "dev"."analytics_marts"."rpt_recent_transactions" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.rpt_recent_transactions */;
/* dbt metadata query: columns of analytics_marts.rpt_recent_transactions */;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".sales_row_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".transaction_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".line_number is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".customer_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".is_guest is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".product_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".line_type is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".is_return is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".customer_key is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".customer_name is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".city is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".product_name is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".category is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".quantity is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".unit_price is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".amount is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".is_customer_inferred is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".is_product_inferred is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".transaction_date is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".transaction_at is <description from the yml>;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."rpt_recent_transactions__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.rpt_sales_by_category
select * from (
<compiled code of model.ecom.rpt_sales_by_category>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as category_day_id,
    cast(null as varchar(65535))
 as category,
    cast(null as integer)
 as order_count,
    cast(null as integer)
 as units_sold,
    cast(null as integer)
 as units_returned,
    cast(null as integer)
 as unique_customers,
    cast(null as decimal(18,2))
 as gross_sales,
    cast(null as decimal(18,2))
 as returns,
    cast(null as decimal(18,2))
 as net_sales,
    cast(null as decimal(18,2))
 as revenue_share_pct,
    cast(null as date)
 as sales_date,
    cast(null as timestamp)
 as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create temporary table
    "rpt_sales_by_category__dbt_tmp<suffix>"
  (
    category_day_id varchar(65535) not null,
    category varchar(65535),
    order_count integer,
    units_sold integer,
    units_returned integer,
    unique_customers integer,
    gross_sales decimal(18,2),
    returns decimal(18,2),
    net_sales decimal(18,2),
    revenue_share_pct decimal(18,2),
    sales_date date,
    refreshed_at timestamp
    )
  ;
insert into "rpt_sales_by_category__dbt_tmp<suffix>"
    (
    select category_day_id, category, order_count, units_sold, units_returned, unique_customers, gross_sales, returns, net_sales, revenue_share_pct, sales_date, refreshed_at
    from (
<compiled code of model.ecom.rpt_sales_by_category>
    ) as model_subq
    )
  ;
BEGIN;
/* dbt metadata query: columns of <temporary>.rpt_sales_by_category__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_marts.rpt_sales_by_category */;
insert into "dev"."analytics_marts"."rpt_sales_by_category" ("category_day_id", "category", "order_count", "units_sold", "units_returned", "unique_customers", "gross_sales", "returns", "net_sales", "revenue_share_pct", "sales_date", "refreshed_at")
    (
        select "category_day_id", "category", "order_count", "units_sold", "units_returned", "unique_customers", "gross_sales", "returns", "net_sales", "revenue_share_pct", "sales_date", "refreshed_at"
        from "rpt_sales_by_category__dbt_tmp<suffix>"
    );
comment on table "dev"."analytics_marts"."rpt_sales_by_category" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.rpt_sales_by_category */;
/* dbt metadata query: columns of analytics_marts.rpt_sales_by_category */;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".category_day_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".category is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".order_count is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".units_sold is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".units_returned is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".unique_customers is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".gross_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".returns is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".net_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".revenue_share_pct is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".sales_date is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".refreshed_at is <description from the yml>;
delete from "dev"."analytics_marts"."rpt_sales_by_category"
        where
            refreshed_at < cast('<timestamp>' as timestamp)
            and (sales_date in (select distinct cast(transaction_at as date) as sales_date from "dev"."analytics_intermediate"."int_sales_validated" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "dev"."analytics_marts"."rpt_sales_by_category" where refreshed_at < cast('<timestamp>' as timestamp)) and transaction_at is not null union select sales_date from "dev"."analytics_intermediate"."int_product_sales_days" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "dev"."analytics_marts"."rpt_sales_by_category" where refreshed_at < cast('<timestamp>' as timestamp))));
COMMIT;

-- ---- model.ecom.rpt_sales_by_weekday_hour
select * from (
<compiled code of model.ecom.rpt_sales_by_weekday_hour>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as integer)
 as weekday_hour_id,
    cast(null as varchar(65535))
 as day_name,
    cast(null as integer)
 as day_of_week,
    cast(null as integer)
 as hour_of_day,
    cast(null as integer)
 as days_observed,
    cast(null as integer)
 as order_count,
    cast(null as integer)
 as units_sold,
    cast(null as decimal(18,2))
 as revenue,
    cast(null as decimal(18,2))
 as avg_transactions_per_day,
    cast(null as decimal(18,2))
 as avg_revenue_per_day
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."rpt_sales_by_weekday_hour__dbt_tmp"
  (
    weekday_hour_id integer not null,
    day_name varchar(65535),
    day_of_week integer,
    hour_of_day integer,
    days_observed integer,
    order_count integer,
    units_sold integer,
    revenue decimal(18,2),
    avg_transactions_per_day decimal(18,2),
    avg_revenue_per_day decimal(18,2)
    )
  ;
insert into "dev"."analytics_marts"."rpt_sales_by_weekday_hour__dbt_tmp"
    (
    select weekday_hour_id, day_name, day_of_week, hour_of_day, days_observed, order_count, units_sold, revenue, avg_transactions_per_day, avg_revenue_per_day
    from (
<compiled code of model.ecom.rpt_sales_by_weekday_hour>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."rpt_sales_by_weekday_hour" rename to "rpt_sales_by_weekday_hour__dbt_backup";
alter table "dev"."analytics_marts"."rpt_sales_by_weekday_hour__dbt_tmp" rename to "rpt_sales_by_weekday_hour";
comment on table "dev"."analytics_marts"."rpt_sales_by_weekday_hour" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.rpt_sales_by_weekday_hour */;
/* dbt metadata query: columns of analytics_marts.rpt_sales_by_weekday_hour */;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".weekday_hour_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".day_name is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".day_of_week is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".hour_of_day is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".days_observed is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".order_count is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".units_sold is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".revenue is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".avg_transactions_per_day is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".avg_revenue_per_day is <description from the yml>;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."rpt_sales_by_weekday_hour__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.rpt_top_products
select * from (
<compiled code of model.ecom.rpt_top_products>
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select
    cast(null as varchar(65535))
 as top_product_id,
    cast(null as varchar(65535))
 as product_id,
    cast(null as varchar(65535))
 as period_type,
    cast(null as varchar(65535))
 as product_name,
    cast(null as varchar(65535))
 as category,
    cast(null as integer)
 as revenue_rank,
    cast(null as integer)
 as category_revenue_rank,
    cast(null as integer)
 as order_count,
    cast(null as integer)
 as units_sold,
    cast(null as integer)
 as units_returned,
    cast(null as decimal(18,2))
 as gross_sales,
    cast(null as decimal(18,2))
 as returns,
    cast(null as decimal(18,2))
 as net_sales,
    cast(null as date)
 as period_start_date,
    cast(null as date)
 as period_end_date,
    cast(null as timestamp)
 as refreshed_at
    ) as __dbt_sbq
    where false
    limit 0;
create temporary table
    "rpt_top_products__dbt_tmp<suffix>"
  (
    top_product_id varchar(65535) not null,
    product_id varchar(65535),
    period_type varchar(65535),
    product_name varchar(65535),
    category varchar(65535),
    revenue_rank integer,
    category_revenue_rank integer,
    order_count integer,
    units_sold integer,
    units_returned integer,
    gross_sales decimal(18,2),
    returns decimal(18,2),
    net_sales decimal(18,2),
    period_start_date date,
    period_end_date date,
    refreshed_at timestamp
    )
  ;
insert into "rpt_top_products__dbt_tmp<suffix>"
    (
    select top_product_id, product_id, period_type, product_name, category, revenue_rank, category_revenue_rank, order_count, units_sold, units_returned, gross_sales, returns, net_sales, period_start_date, period_end_date, refreshed_at
    from (
<compiled code of model.ecom.rpt_top_products>
    ) as model_subq
    )
  ;
BEGIN;
/* dbt metadata query: columns of <temporary>.rpt_top_products__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_marts.rpt_top_products */;
insert into "dev"."analytics_marts"."rpt_top_products" ("top_product_id", "product_id", "period_type", "product_name", "category", "revenue_rank", "category_revenue_rank", "order_count", "units_sold", "units_returned", "gross_sales", "returns", "net_sales", "period_start_date", "period_end_date", "refreshed_at")
    (
        select "top_product_id", "product_id", "period_type", "product_name", "category", "revenue_rank", "category_revenue_rank", "order_count", "units_sold", "units_returned", "gross_sales", "returns", "net_sales", "period_start_date", "period_end_date", "refreshed_at"
        from "rpt_top_products__dbt_tmp<suffix>"
    );
comment on table "dev"."analytics_marts"."rpt_top_products" is <description from the yml>;
/* dbt metadata query: columns of analytics_marts.rpt_top_products */;
/* dbt metadata query: columns of analytics_marts.rpt_top_products */;
comment on column "dev"."analytics_marts"."rpt_top_products".top_product_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".product_id is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".period_type is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".product_name is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".category is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".revenue_rank is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".category_revenue_rank is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".order_count is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".units_sold is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".units_returned is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".gross_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".returns is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".net_sales is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".period_start_date is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".period_end_date is <description from the yml>;
comment on column "dev"."analytics_marts"."rpt_top_products".refreshed_at is <description from the yml>;
delete from "dev"."analytics_marts"."rpt_top_products"
        where
            refreshed_at < cast('<timestamp>' as timestamp)
            and (period_type || '|' ||
    cast(period_start_date as varchar(65535))
 in (select touched.period_type || '|' ||
    cast(touched.period_start_date as varchar(65535))
 from (select
            case grains.n when 0 then 'day' when 1 then 'week' else 'month' end as period_type,
            case grains.n
                when 0 then calendar.date_day
                when 1 then calendar.week_start_date
                else calendar.month_start_date
            end as period_start_date
        from "dev"."analytics_marts"."dim_date" as calendar
        cross join (select
        place_0.digit * 1 as n
    from
        (select 0 as digit union all select 1 union all select 2 union all select 3 union all select 4 union all select 5 union all select 6 union all select 7 union all select 8 union all select 9) as place_0
    where
        place_0.digit * 1 < 3
) as grains
        where calendar.date_day in (select distinct cast(transaction_at as date) as sales_date from "dev"."analytics_intermediate"."int_sales_validated" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "dev"."analytics_marts"."rpt_top_products" where refreshed_at < cast('<timestamp>' as timestamp)) and transaction_at is not null union select sales_date from "dev"."analytics_intermediate"."int_product_sales_days" where refreshed_at > (select coalesce(max(refreshed_at), cast('<timestamp>' as timestamp)) from "dev"."analytics_marts"."rpt_top_products" where refreshed_at < cast('<timestamp>' as timestamp)))) as touched));
COMMIT;

-- ---- model.ecom.stg_lake__landed_files
BEGIN;
create view "dev"."analytics_staging"."stg_lake__landed_files__dbt_tmp" as (
<compiled code of model.ecom.stg_lake__landed_files>
  ) with no schema binding;
alter table "dev"."analytics_staging"."stg_lake__landed_files" rename to "stg_lake__landed_files__dbt_backup";
alter table "dev"."analytics_staging"."stg_lake__landed_files__dbt_tmp" rename to "stg_lake__landed_files";
COMMIT;
BEGIN;
drop view if exists "dev"."analytics_staging"."stg_lake__landed_files__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.stg_lake__refused_rows
BEGIN;
create view "dev"."analytics_staging"."stg_lake__refused_rows__dbt_tmp" as (
    <compiled code of model.ecom.stg_lake__refused_rows>
  ) with no schema binding;
alter table "dev"."analytics_staging"."stg_lake__refused_rows" rename to "stg_lake__refused_rows__dbt_backup";
alter table "dev"."analytics_staging"."stg_lake__refused_rows__dbt_tmp" rename to "stg_lake__refused_rows";
COMMIT;
BEGIN;
drop view if exists "dev"."analytics_staging"."stg_lake__refused_rows__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.stg_ops__pipeline_runs
BEGIN;
create view "dev"."analytics_staging"."stg_ops__pipeline_runs__dbt_tmp" as (
<compiled code of model.ecom.stg_ops__pipeline_runs>
  ) with no schema binding;
alter table "dev"."analytics_staging"."stg_ops__pipeline_runs" rename to "stg_ops__pipeline_runs__dbt_backup";
alter table "dev"."analytics_staging"."stg_ops__pipeline_runs__dbt_tmp" rename to "stg_ops__pipeline_runs";
COMMIT;
BEGIN;
drop view if exists "dev"."analytics_staging"."stg_ops__pipeline_runs__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.stg_predictions__customer_scores
BEGIN;
create schema if not exists "analytics_predictions";
COMMIT;
BEGIN;
create table if not exists "dev"."analytics_predictions"."customer_scores" (
        customer_id varchar(65535),
        risk_band varchar(65535),
        model_version varchar(65535),
        buy_probability decimal(9,4),
        expected_orders decimal(18,2),
        expected_net_sales decimal(18,2),
        orders_last_90_days integer,
        net_sales_last_90_days decimal(18,2),
        days_since_last_order integer,
        horizon_days integer,
        last_order_date date,
        as_of_date date,
        training_cutoff_date date,
        scored_at timestamp
    );
create view "dev"."analytics_staging"."stg_predictions__customer_scores__dbt_tmp" as (
<compiled code of model.ecom.stg_predictions__customer_scores>
  ) with no schema binding;
alter table "dev"."analytics_staging"."stg_predictions__customer_scores" rename to "stg_predictions__customer_scores__dbt_backup";
alter table "dev"."analytics_staging"."stg_predictions__customer_scores__dbt_tmp" rename to "stg_predictions__customer_scores";
COMMIT;
BEGIN;
drop view if exists "dev"."analytics_staging"."stg_predictions__customer_scores__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.stg_shop__customers
create temporary table
    "stg_shop__customers__dbt_tmp<suffix>"
  as (
<compiled code of model.ecom.stg_shop__customers>
  );
BEGIN;
/* dbt metadata query: columns of <temporary>.stg_shop__customers__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_staging.stg_shop__customers */;
/* dbt metadata query: columns of <temporary>.stg_shop__customers__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_staging.stg_shop__customers */;
insert into "dev"."analytics_staging"."stg_shop__customers" ("customer_row_id", "customer_id", "batch_id", "landed_file_name", "customer_name", "email", "city", "signup_date_raw", "updated_at_raw", "signup_date", "ingest_date", "updated_at", "refreshed_at")
    (
        select "customer_row_id", "customer_id", "batch_id", "landed_file_name", "customer_name", "email", "city", "signup_date_raw", "updated_at_raw", "signup_date", "ingest_date", "updated_at", "refreshed_at"
        from "stg_shop__customers__dbt_tmp<suffix>"
    );
COMMIT;

-- ---- model.ecom.stg_shop__products
BEGIN;
create view "dev"."analytics_staging"."stg_shop__products__dbt_tmp" as (
    <compiled code of model.ecom.stg_shop__products>
  ) with no schema binding;
alter table "dev"."analytics_staging"."stg_shop__products" rename to "stg_shop__products__dbt_backup";
alter table "dev"."analytics_staging"."stg_shop__products__dbt_tmp" rename to "stg_shop__products";
COMMIT;
BEGIN;
drop view if exists "dev"."analytics_staging"."stg_shop__products__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.stg_shop__sales
create temporary table
    "stg_shop__sales__dbt_tmp<suffix>"
  as (
<compiled code of model.ecom.stg_shop__sales>
  );
BEGIN;
/* dbt metadata query: columns of <temporary>.stg_shop__sales__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_staging.stg_shop__sales */;
/* dbt metadata query: columns of <temporary>.stg_shop__sales__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_staging.stg_shop__sales */;
insert into "dev"."analytics_staging"."stg_shop__sales" ("sales_row_id", "transaction_id", "customer_id", "product_id", "batch_id", "landed_file_name", "quantity_raw", "amount_raw", "transaction_date_raw", "line_number_raw", "line_type_raw", "original_transaction_id", "quantity", "amount", "line_number", "ingest_date", "transaction_at", "refreshed_at")
    (
        select "sales_row_id", "transaction_id", "customer_id", "product_id", "batch_id", "landed_file_name", "quantity_raw", "amount_raw", "transaction_date_raw", "line_number_raw", "line_type_raw", "original_transaction_id", "quantity", "amount", "line_number", "ingest_date", "transaction_at", "refreshed_at"
        from "stg_shop__sales__dbt_tmp<suffix>"
    );
COMMIT;

-- ---- seed.ecom.reject_reasons
BEGIN;
truncate table "dev"."analytics_reference"."reject_reasons";
insert into "dev"."analytics_reference"."reject_reasons" ("entity", "reject_reason", "rule_order", "description", "what_to_do") values
          (%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s);
COMMIT;

-- ---- seed.ecom.rfm_segments
BEGIN;
truncate table "dev"."analytics_reference"."rfm_segments";
insert into "dev"."analytics_reference"."rfm_segments" ("segment_code", "segment_name", "display_order", "rule", "description", "suggested_action") values
          (%s,%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s,%s),(%s,%s,%s,%s,%s,%s);
COMMIT;

-- ---- snapshot.ecom.snp_shop__customers
BEGIN;
/* dbt metadata query: columns of analytics_snapshots.snp_shop__customers */;
create temporary table
    "snp_shop__customers__dbt_tmp<suffix>"
  as (
    with snapshot_query as (
        <compiled code of snapshot.ecom.snp_shop__customers>
    ),
    snapshotted_data as (
        select *,
        customer_id as dbt_unique_key
        from "dev"."analytics_snapshots"."snp_shop__customers"
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
            md5(coalesce(cast(customer_id as varchar ), '')
         || '|' || coalesce(cast(updated_at as varchar ), '')
        ) as dbt_scd_id
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
    select * from updates
  );
/* dbt metadata query: columns of <temporary>.snp_shop__customers__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_snapshots.snp_shop__customers */;
/* dbt metadata query: columns of <temporary>.snp_shop__customers__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_snapshots.snp_shop__customers */;
/* dbt metadata query: columns of <temporary>.snp_shop__customers__dbt_tmp<suffix> */;
select * from (
    with snapshot_query as (
        <compiled code of snapshot.ecom.snp_shop__customers>
    ),
    snapshotted_data as (
        select *,
        customer_id as dbt_unique_key
        from "dev"."analytics_snapshots"."snp_shop__customers"
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
            md5(coalesce(cast(customer_id as varchar ), '')
         || '|' || coalesce(cast(updated_at as varchar ), '')
        ) as dbt_scd_id
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
    select * from updates
    ) as __dbt_sbq
    where false
    limit 0;
select * from (
        select getdate()::timestamp as dbt_snapshot_time
    ) as __dbt_sbq
    where false
    limit 0;
update "dev"."analytics_snapshots"."snp_shop__customers"
    set dbt_valid_to = DBT_INTERNAL_SOURCE.dbt_valid_to
    from "snp_shop__customers__dbt_tmp<suffix>" as DBT_INTERNAL_SOURCE
    where DBT_INTERNAL_SOURCE.dbt_scd_id::text = "dev"."analytics_snapshots"."snp_shop__customers".dbt_scd_id::text
      and DBT_INTERNAL_SOURCE.dbt_change_type::text in ('update'::text, 'delete'::text)
        and "dev"."analytics_snapshots"."snp_shop__customers".dbt_valid_to is null;
insert into "dev"."analytics_snapshots"."snp_shop__customers" ("customer_id", "customer_row_id", "batch_id", "landed_file_name", "customer_name", "email", "city", "signup_date", "ingest_date", "updated_at", "dbt_scd_id", "dbt_updated_at", "dbt_valid_from", "dbt_valid_to")
    select DBT_INTERNAL_SOURCE."customer_id",DBT_INTERNAL_SOURCE."customer_row_id",DBT_INTERNAL_SOURCE."batch_id",DBT_INTERNAL_SOURCE."landed_file_name",DBT_INTERNAL_SOURCE."customer_name",DBT_INTERNAL_SOURCE."email",DBT_INTERNAL_SOURCE."city",DBT_INTERNAL_SOURCE."signup_date",DBT_INTERNAL_SOURCE."ingest_date",DBT_INTERNAL_SOURCE."updated_at",DBT_INTERNAL_SOURCE."dbt_scd_id",DBT_INTERNAL_SOURCE."dbt_updated_at",DBT_INTERNAL_SOURCE."dbt_valid_from",DBT_INTERNAL_SOURCE."dbt_valid_to"
    from "snp_shop__customers__dbt_tmp<suffix>" as DBT_INTERNAL_SOURCE
    where DBT_INTERNAL_SOURCE.dbt_change_type::text = 'insert'::text;
COMMIT;

-- ---- test.ecom.accepted_range_dim_customers_version_number__1.1e388faf41
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.accepted_range_dim_customers_version_number__1.1e388faf41>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_range_dim_products_list_price__0.7997f21324
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.accepted_range_dim_products_list_price__0.7997f21324>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_range_rpt_top_products_revenue_rank__1.0d0808815c
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.accepted_range_rpt_top_products_revenue_rank__1.0d0808815c>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_ranges_dim_date__min_value_1_max_value_4____min_value_1_max_value_12____min_value_1_max_value_7_.a1f084ce5b
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_ranges_dim_date__min_value_1_max_value_4____min_value_1_max_value_12____min_value_1_max_value_7_.a1f084ce5b>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_ranges_rpt_customer_lifetime_value__min_value_1____min_value_0____min_value_0_.28c2f249a7
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_ranges_rpt_customer_lifetime_value__min_value_1____min_value_0____min_value_0_.28c2f249a7>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_ranges_rpt_customer_segments__min_value_1_max_value_5____min_value_1_max_value_5____min_value_1_max_value_5_.c61a0955ea
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_ranges_rpt_customer_segments__min_value_1_max_value_5____min_value_1_max_value_5____min_value_1_max_value_5_.c61a0955ea>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_ranges_rpt_daily_sales_summary__min_value_0____min_value_0_.b5bf44def5
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_ranges_rpt_daily_sales_summary__min_value_0____min_value_0_.b5bf44def5>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_ranges_rpt_sales_by_weekday_hour__min_value_0_max_value_167____min_value_1_max_value_7____min_value_0_max_value_23_.ad71bc96f9
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_ranges_rpt_sales_by_weekday_hour__min_value_0_max_value_167____min_value_1_max_value_7____min_value_0_max_value_23_.ad71bc96f9>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_dim_date_day_name__Monday__Tuesday__Wednesday__Thursday__Friday__Saturday__Sunday.1469a59162
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_dim_date_day_name__Monday__Tuesday__Wednesday__Thursday__Friday__Saturday__Sunday.1469a59162>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_fct_sales_line_type__merchandise__shipping__fee__discount__voucher__adjustment.6677f9fce9
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_fct_sales_line_type__merchandise__shipping__fee__discount__voucher__adjustment.6677f9fce9>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_fct_sales_return_match__declared__same_order__customer_product__unmatched.d929fbf73d
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_fct_sales_return_match__declared__same_order__customer_product__unmatched.d929fbf73d>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_qa_ingest_reconciliation_entity__sales__products__customers.8e8b1c6154
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_qa_ingest_reconciliation_entity__sales__products__customers.8e8b1c6154>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_reject_reasons_entity__sales__products__customers.16f2428a83
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_reject_reasons_entity__sales__products__customers.16f2428a83>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_rpt_customer_segments_segment_code__champions__loyal_customers__potential_loyalists__new_customers__needs_attention__at_risk__hibernating__lost.29309baaf7
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_rpt_customer_segments_segment_code__champions__loyal_customers__potential_loyalists__new_customers__needs_attention__at_risk__hibernating__lost.29309baaf7>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_rpt_pipeline_runs_exit_code__False__0__1__2__3.db1d3055ec
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_rpt_pipeline_runs_exit_code__False__0__1__2__3.db1d3055ec>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_rpt_pipeline_runs_run_status__running__succeeded__data_quarantined__data_rejected__data_stale__failed__interrupted.78d8ba5cd3
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_rpt_pipeline_runs_run_status__running__succeeded__data_quarantined__data_rejected__data_stale__failed__interrupted.78d8ba5cd3>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_rpt_top_products_period_type__day__week__month.8d238afd18
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_rpt_top_products_period_type__day__week__month.8d238afd18>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_stg_lake__landed_files_entity__sales__products__customers.4cc58c265f
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_stg_lake__landed_files_entity__sales__products__customers.4cc58c265f>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_stg_lake__landed_files_file_status__pending__landed__quarantined.e4d45e2769
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_stg_lake__landed_files_file_status__pending__landed__quarantined.e4d45e2769>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_stg_lake__refused_rows_entity__sales__products__customers.43a04b00af
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_stg_lake__refused_rows_entity__sales__products__customers.43a04b00af>
    ) dbt_internal_test;

-- ---- test.ecom.accepted_values_stg_ops__pipeline_runs_run_status__running__succeeded__data_quarantined__data_rejected__data_stale__failed.a1ea3dc497
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.accepted_values_stg_ops__pipeline_runs_run_status__running__succeeded__data_quarantined__data_rejected__data_stale__failed.a1ea3dc497>
    ) dbt_internal_test;

-- ---- test.ecom.assert_cast_if_well_formed_accepts_only_documented_formats
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.assert_cast_if_well_formed_accepts_only_documented_formats>
    ) dbt_internal_test;

-- ---- test.ecom.assert_category_shares_add_up_to_one_hundred_percent
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.assert_category_shares_add_up_to_one_hundred_percent>
    ) dbt_internal_test;

-- ---- test.ecom.assert_customer_versions_form_one_unbroken_timeline
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.assert_customer_versions_form_one_unbroken_timeline>
    ) dbt_internal_test;

-- ---- test.ecom.assert_daily_summary_equals_fct_sales
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.assert_daily_summary_equals_fct_sales>
    ) dbt_internal_test;

-- ---- test.ecom.assert_dim_date_is_an_unbroken_calendar
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.assert_dim_date_is_an_unbroken_calendar>
    ) dbt_internal_test;

-- ---- test.ecom.assert_every_landed_file_is_read_in_full
select entity, landed_file_name, rows_received, rows_staged, rows_refused from "dev"."analytics_qa"."qa_ingest_reconciliation" where rows_received is not null and rows_landed != rows_received order by entity, landed_file_name;
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.assert_every_landed_file_is_read_in_full>
    ) dbt_internal_test;

-- ---- test.ecom.assert_every_landed_row_is_used_or_rejected_once
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.assert_every_landed_row_is_used_or_rejected_once>
    ) dbt_internal_test;

-- ---- test.ecom.assert_every_sale_has_one_customer_version_at_its_time
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.assert_every_sale_has_one_customer_version_at_its_time>
    ) dbt_internal_test;

-- ---- test.ecom.assert_initcap_capitalises_every_word
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.assert_initcap_capitalises_every_word>
    ) dbt_internal_test;

-- ---- test.ecom.assert_iso8601_to_utc_applies_offsets
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.assert_iso8601_to_utc_applies_offsets>
    ) dbt_internal_test;

-- ---- test.ecom.assert_money_ratio_rounds_half_up
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.assert_money_ratio_rounds_half_up>
    ) dbt_internal_test;

-- ---- test.ecom.assert_report_totals_equal_fct_sales
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.assert_report_totals_equal_fct_sales>
    ) dbt_internal_test;

-- ---- test.ecom.expression_is_true_fct_orders_net_sales_gross_sales_discounts_returns_and_total_sales_net_sales_shipping_fees.30908e7d83
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.expression_is_true_fct_orders_net_sales_gross_sales_discounts_returns_and_total_sales_net_sales_shipping_fees.30908e7d83>
    ) dbt_internal_test;

-- ---- test.ecom.expression_is_true_qa_ingest_reconciliation_rows_landed_rows_used_rows_rejected.248ef4945a
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.expression_is_true_qa_ingest_reconciliation_rows_landed_rows_used_rows_rejected.248ef4945a>
    ) dbt_internal_test;

-- ---- test.ecom.expression_is_true_rpt_customer_lifetime_value_first_order_date_last_order_date_and_last_order_date_as_of_date.f1a7a037c8
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.expression_is_true_rpt_customer_lifetime_value_first_order_date_last_order_date_and_last_order_date_as_of_date.f1a7a037c8>
    ) dbt_internal_test;

-- ---- test.ecom.expression_is_true_rpt_customer_predictions_risk_band_in_high_medium_low_and_buy_probability_between_0_and_1_and_expected_orders_0_and_days_since_last_order_0_and_last_order_date_as_of_date_and_training_cutoff_date_as_of_date.049bd544d4
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.expression_is_true_rpt_customer_predictions_risk_band_in_high_medium_low_and_buy_probability_between_0_and_1_and_expected_orders_0_and_days_since_last_order_0_and_last_order_date_as_of_date_and_training_cutoff_date_as_of_date.049bd544d4>
    ) dbt_internal_test;

-- ---- test.ecom.expression_is_true_rpt_daily_sales_summary_unique_customers_new_customers_returning_customers_and_net_sales_gross_sales_discounts_returns_and_total_sales_net_sales_shipping_fees.544f26c53b
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.expression_is_true_rpt_daily_sales_summary_unique_customers_new_customers_returning_customers_and_net_sales_gross_sales_discounts_returns_and_total_sales_net_sales_shipping_fees.544f26c53b>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_dim_customers_customer_id__customer_name__version_number__is_current__is_inferred__is_guest__valid_from__valid_to.961f5f08e7
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_dim_customers_customer_id__customer_name__version_number__is_current__is_inferred__is_guest__valid_from__valid_to.961f5f08e7>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_dim_date_day_name__month_name__year_number__quarter_number__month_number__day_of_month__day_of_week__is_weekend__week_start_date__month_start_date__quarter_start_date__year_start_date.28e9833751
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_dim_date_day_name__month_name__year_number__quarter_number__month_number__day_of_month__day_of_week__is_weekend__week_start_date__month_start_date__quarter_start_date__year_start_date.28e9833751>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_dim_products_product_name__category__is_inferred.adbb91b39f
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_dim_products_product_name__category__is_inferred.adbb91b39f>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_fct_orders_customer_id__is_guest__order_at__order_date__line_count__units_sold__units_returned__gross_sales__discounts__returns__net_sales__shipping__fees__total_sales__is_order__has_return__refreshed_at.d6733ba359
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_fct_orders_customer_id__is_guest__order_at__order_date__line_count__units_sold__units_returned__gross_sales__discounts__returns__net_sales__shipping__fees__total_sales__is_order__has_return__refreshed_at.d6733ba359>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_fct_sales_line_number__customer_id__is_guest__product_id__line_type__is_return__is_zero_price__batch_id__landed_file_name__quantity__amount__unit_price__transaction_date__ingest_date__transaction_at__refreshed_at__transaction_id.3f67c496f4
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_fct_sales_line_number__customer_id__is_guest__product_id__line_type__is_return__is_zero_price__batch_id__landed_file_name__quantity__amount__unit_price__transaction_date__ingest_date__transaction_at__refreshed_at__transaction_id.3f67c496f4>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_int_customers_deduplicated_customer_row_id__updated_at.d7160917a2
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_int_customers_deduplicated_customer_row_id__updated_at.d7160917a2>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_int_product_sales_days_product_id__sales_date.2cfcecd9eb
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_int_product_sales_days_product_id__sales_date.2cfcecd9eb>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_int_sales_enriched_category__day_of_week.7d6fe2ac19
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_int_sales_enriched_category__day_of_week.7d6fe2ac19>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_int_sales_hourly_sales_date__hour_of_day.bc9d5ebc6b
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_int_sales_hourly_sales_date__hour_of_day.bc9d5ebc6b>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_qa_ingest_reconciliation_entity__batch_id__landed_file_name__rows_landed__rows_used__rows_rejected__is_balanced__rows_staged__rows_refused__refreshed_at.fc683ddc4e
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_qa_ingest_reconciliation_entity__batch_id__landed_file_name__rows_landed__rows_used__rows_rejected__is_balanced__rows_staged__rows_refused__refreshed_at.fc683ddc4e>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_qa_rejected_customers_batch_id__landed_file_name__reject_reason__refreshed_at.5f4d70a4db
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_qa_rejected_customers_batch_id__landed_file_name__reject_reason__refreshed_at.5f4d70a4db>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_qa_rejected_products_batch_id__landed_file_name__reject_reason__refreshed_at.09e514ea07
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_qa_rejected_products_batch_id__landed_file_name__reject_reason__refreshed_at.09e514ea07>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_qa_rejected_sales_batch_id__landed_file_name__reject_reason__refreshed_at.37b4d1d2bf
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_qa_rejected_sales_batch_id__landed_file_name__reject_reason__refreshed_at.37b4d1d2bf>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_rpt_customer_lifetime_value_customer_name__order_count__units_purchased__lifetime_value__avg_order_value__tenure_days__days_since_last_order__is_inferred__first_order_date__last_order_date__as_of_date.c4c5b1dfc0
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_rpt_customer_lifetime_value_customer_name__order_count__units_purchased__lifetime_value__avg_order_value__tenure_days__days_since_last_order__is_inferred__first_order_date__last_order_date__as_of_date.c4c5b1dfc0>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_rpt_customer_predictions_customer_name__risk_band__model_version__buy_probability__expected_orders__expected_net_sales__orders_last_90_days__net_sales_last_90_days__days_since_last_order__horizon_days__is_at_risk__last_order_date__as_of_date__training_cutoff_date__scored_at.9fd6c83d3b
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_rpt_customer_predictions_customer_name__risk_band__model_version__buy_probability__expected_orders__expected_net_sales__orders_last_90_days__net_sales_last_90_days__days_since_last_order__horizon_days__is_at_risk__last_order_date__as_of_date__training_cutoff_date__scored_at.9fd6c83d3b>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_rpt_customer_segments_segment_code__segment_name__rfm_score__recency_score__frequency_score__monetary_score.430f33b367
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_rpt_customer_segments_segment_code__segment_name__rfm_score__recency_score__frequency_score__monetary_score.430f33b367>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_rpt_daily_sales_summary_order_count__guest_order_count__units_sold__units_returned__gross_sales__discounts__returns__net_sales__shipping__fees__total_sales__guest_net_sales__unique_customers__new_customers__returning_customers__refreshed_at.13ff27fb8b
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_rpt_daily_sales_summary_order_count__guest_order_count__units_sold__units_returned__gross_sales__discounts__returns__net_sales__shipping__fees__total_sales__guest_net_sales__unique_customers__new_customers__returning_customers__refreshed_at.13ff27fb8b>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_rpt_pipeline_runs_run_status__run_date__started_at.00295cb704
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_rpt_pipeline_runs_run_status__run_date__started_at.00295cb704>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_rpt_recent_transactions_customer_id__product_id__customer_key__is_customer_inferred__is_product_inferred__transaction_id__line_number.02e0c02a3e
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_rpt_recent_transactions_customer_id__product_id__customer_key__is_customer_inferred__is_product_inferred__transaction_id__line_number.02e0c02a3e>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_rpt_sales_by_category_category__order_count__units_sold__units_returned__unique_customers__gross_sales__returns__net_sales__sales_date__refreshed_at.7d6f8ec5a5
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_rpt_sales_by_category_category__order_count__units_sold__units_returned__unique_customers__gross_sales__returns__net_sales__sales_date__refreshed_at.7d6f8ec5a5>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_rpt_sales_by_weekday_hour_day_of_week__hour_of_day__days_observed__order_count__units_sold__revenue.f615689724
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_rpt_sales_by_weekday_hour_day_of_week__hour_of_day__days_observed__order_count__units_sold__revenue.f615689724>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_rpt_top_products_product_id__period_type__revenue_rank__category_revenue_rank__order_count__units_sold__units_returned__gross_sales__returns__net_sales__period_start_date__period_end_date__refreshed_at.e7679ef50a
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_rpt_top_products_product_id__period_type__revenue_rank__category_revenue_rank__order_count__units_sold__units_returned__gross_sales__returns__net_sales__period_start_date__period_end_date__refreshed_at.e7679ef50a>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_stg_lake__landed_files_entity__sha256.412eb9b565
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_stg_lake__landed_files_entity__sha256.412eb9b565>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_stg_lake__refused_rows_entity__batch_id__landed_file_name__reject_reason__ingest_date.316dcc9552
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_stg_lake__refused_rows_entity__batch_id__landed_file_name__reject_reason__ingest_date.316dcc9552>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_stg_ops__pipeline_runs_run_status__run_date__started_at.b785ede7b4
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_stg_ops__pipeline_runs_run_status__run_date__started_at.b785ede7b4>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_stg_shop__customers_batch_id__landed_file_name__ingest_date.327885132e
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_stg_shop__customers_batch_id__landed_file_name__ingest_date.327885132e>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_stg_shop__products_batch_id__landed_file_name__ingest_date.541bdfc326
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_stg_shop__products_batch_id__landed_file_name__ingest_date.541bdfc326>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_columns_stg_shop__sales_batch_id__landed_file_name__ingest_date.66f0d7f8d2
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_columns_stg_shop__sales_batch_id__landed_file_name__ingest_date.66f0d7f8d2>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_dim_customers_customer_key.4bebfb3411
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_dim_customers_customer_key.4bebfb3411>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_dim_date_date_day.e3f312efb2
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_dim_date_date_day.e3f312efb2>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_dim_products_product_id.c8aba288d1
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_dim_products_product_id.c8aba288d1>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_fct_orders_transaction_id.d81b0d5bda
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_fct_orders_transaction_id.d81b0d5bda>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_fct_sales_sales_row_id.5c450311ef
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_fct_sales_sales_row_id.5c450311ef>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_int_customer_orders_customer_id.30936d5e82
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_int_customer_orders_customer_id.30936d5e82>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_int_customers_deduplicated_customer_id.88c96059ac
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_int_customers_deduplicated_customer_id.88c96059ac>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_int_customers_validated_customer_row_id.1085abc363
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_int_customers_validated_customer_row_id.1085abc363>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_int_product_sales_days_product_day_id.a1d7b59bc0
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_int_product_sales_days_product_day_id.a1d7b59bc0>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_int_products_validated_product_row_id.315f4fa35b
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_int_products_validated_product_row_id.315f4fa35b>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_int_sales_enriched_sales_row_id.29953c4bbb
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_int_sales_enriched_sales_row_id.29953c4bbb>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_int_sales_enriched_transaction_id.30e8fabcda
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_int_sales_enriched_transaction_id.30e8fabcda>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_int_sales_hourly_sales_hour.8614910d91
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_int_sales_hourly_sales_hour.8614910d91>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_int_sales_validated_line_type.c11a7c6c1f
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_int_sales_validated_line_type.c11a7c6c1f>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_int_sales_validated_sales_row_id.d6c9ec4dbe
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_int_sales_validated_sales_row_id.d6c9ec4dbe>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_qa_ingest_reconciliation_reconciliation_id.e4996c1cce
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_qa_ingest_reconciliation_reconciliation_id.e4996c1cce>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_qa_rejected_customers_customer_row_id.584c9cc317
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_qa_rejected_customers_customer_row_id.584c9cc317>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_qa_rejected_products_product_row_id.c1aa4cab6d
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_qa_rejected_products_product_row_id.c1aa4cab6d>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_qa_rejected_sales_sales_row_id.26c61628d6
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_qa_rejected_sales_sales_row_id.26c61628d6>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_reject_reasons_description.b3e5578d4b
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_reject_reasons_description.b3e5578d4b>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_reject_reasons_entity.e390feb6c7
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_reject_reasons_entity.e390feb6c7>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_reject_reasons_reject_reason.7c41e9a356
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_reject_reasons_reject_reason.7c41e9a356>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_reject_reasons_rule_order.b01fcedd23
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_reject_reasons_rule_order.b01fcedd23>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_reject_reasons_what_to_do.e311019a23
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_reject_reasons_what_to_do.e311019a23>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rfm_segments_display_order.d6e376dcf6
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rfm_segments_display_order.d6e376dcf6>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rfm_segments_segment_code.18e25e932c
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rfm_segments_segment_code.18e25e932c>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rfm_segments_segment_name.ac43a97539
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rfm_segments_segment_name.ac43a97539>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rpt_customer_lifetime_value_customer_id.bf4d313000
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rpt_customer_lifetime_value_customer_id.bf4d313000>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rpt_customer_predictions_customer_id.3ba0efe5c1
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rpt_customer_predictions_customer_id.3ba0efe5c1>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rpt_customer_segments_customer_id.d1bc0ceac1
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rpt_customer_segments_customer_id.d1bc0ceac1>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rpt_daily_sales_summary_sales_date.a7f6c7471c
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rpt_daily_sales_summary_sales_date.a7f6c7471c>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rpt_pipeline_runs_run_id.e16eaa092a
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rpt_pipeline_runs_run_id.e16eaa092a>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rpt_recent_transactions_sales_row_id.1c8a77c368
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rpt_recent_transactions_sales_row_id.1c8a77c368>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rpt_sales_by_category_category_day_id.cc966ba18d
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rpt_sales_by_category_category_day_id.cc966ba18d>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rpt_sales_by_weekday_hour_weekday_hour_id.8d39ee868f
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rpt_sales_by_weekday_hour_weekday_hour_id.8d39ee868f>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_rpt_top_products_top_product_id.338a7bdf79
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_rpt_top_products_top_product_id.338a7bdf79>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_snp_shop__customers_dbt_scd_id.d3e9eb95b9
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_snp_shop__customers_dbt_scd_id.d3e9eb95b9>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_stg_lake__landed_files_manifest_entry_id.724a6e12d1
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_stg_lake__landed_files_manifest_entry_id.724a6e12d1>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_stg_lake__refused_rows_refused_row_id.bfb6322fe8
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_stg_lake__refused_rows_refused_row_id.bfb6322fe8>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_stg_ops__pipeline_runs_run_id.3fd546600b
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_stg_ops__pipeline_runs_run_id.3fd546600b>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_stg_predictions__customer_scores_customer_id.5587405ac6
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_stg_predictions__customer_scores_customer_id.5587405ac6>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_stg_shop__customers_customer_row_id.0cebee604b
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_stg_shop__customers_customer_row_id.0cebee604b>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_stg_shop__products_product_row_id.4d59c41f81
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_stg_shop__products_product_row_id.4d59c41f81>
    ) dbt_internal_test;

-- ---- test.ecom.not_null_stg_shop__sales_sales_row_id.12af1268b6
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.not_null_stg_shop__sales_sales_row_id.12af1268b6>
    ) dbt_internal_test;

-- ---- test.ecom.qa_ingest_reconciliation_reject_rate_below_20_percent.28a12c7f25
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.qa_ingest_reconciliation_reject_rate_below_20_percent.28a12c7f25>
    ) dbt_internal_test;

-- ---- test.ecom.reject_reason_is_documented_int_customers_validated_reject_reason__customers.0de9a6cfab
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.reject_reason_is_documented_int_customers_validated_reject_reason__customers.0de9a6cfab>
    ) dbt_internal_test;

-- ---- test.ecom.reject_reason_is_documented_int_products_validated_reject_reason__products.0e64efe5ca
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.reject_reason_is_documented_int_products_validated_reject_reason__products.0e64efe5ca>
    ) dbt_internal_test;

-- ---- test.ecom.reject_reason_is_documented_int_sales_validated_reject_reason__sales.46606c54a3
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.reject_reason_is_documented_int_sales_validated_reject_reason__sales.46606c54a3>
    ) dbt_internal_test;

-- ---- test.ecom.reject_reason_is_documented_qa_rejected_customers_reject_reason__customers.ef21e42612
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.reject_reason_is_documented_qa_rejected_customers_reject_reason__customers.ef21e42612>
    ) dbt_internal_test;

-- ---- test.ecom.reject_reason_is_documented_qa_rejected_products_reject_reason__products.b8570f281a
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.reject_reason_is_documented_qa_rejected_products_reject_reason__products.b8570f281a>
    ) dbt_internal_test;

-- ---- test.ecom.reject_reason_is_documented_qa_rejected_sales_reject_reason__sales.ca1f5f31e1
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
  <compiled code of test.ecom.reject_reason_is_documented_qa_rejected_sales_reject_reason__sales.ca1f5f31e1>
    ) dbt_internal_test;

-- ---- test.ecom.relationships_fct_orders_customer_id__customer_id__ref_dim_customers_.d5636051d4
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.relationships_fct_orders_customer_id__customer_id__ref_dim_customers_.d5636051d4>
    ) dbt_internal_test;

-- ---- test.ecom.relationships_fct_sales_customer_id__customer_id__ref_dim_customers_.3a0287e3ee
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.relationships_fct_sales_customer_id__customer_id__ref_dim_customers_.3a0287e3ee>
    ) dbt_internal_test;

-- ---- test.ecom.relationships_fct_sales_product_id__product_id__ref_dim_products_.a7d0443098
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.relationships_fct_sales_product_id__product_id__ref_dim_products_.a7d0443098>
    ) dbt_internal_test;

-- ---- test.ecom.relationships_fct_sales_transaction_date__date_day__ref_dim_date_.314dedd45c
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.relationships_fct_sales_transaction_date__date_day__ref_dim_date_.314dedd45c>
    ) dbt_internal_test;

-- ---- test.ecom.relationships_fct_sales_transaction_id__transaction_id__ref_fct_orders_.a27843d6b6
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.relationships_fct_sales_transaction_id__transaction_id__ref_fct_orders_.a27843d6b6>
    ) dbt_internal_test;

-- ---- test.ecom.relationships_rpt_customer_segments_customer_id__customer_id__ref_rpt_customer_lifetime_value_.d5b66b3b2a
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.relationships_rpt_customer_segments_customer_id__customer_id__ref_rpt_customer_lifetime_value_.d5b66b3b2a>
    ) dbt_internal_test;

-- ---- test.ecom.relationships_rpt_recent_transactions_customer_key__customer_key__ref_dim_customers_.9c5e0636b7
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.relationships_rpt_recent_transactions_customer_key__customer_key__ref_dim_customers_.9c5e0636b7>
    ) dbt_internal_test;

-- ---- test.ecom.relationships_rpt_recent_transactions_transaction_id__transaction_id__ref_fct_orders_.9ca094186f
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.relationships_rpt_recent_transactions_transaction_id__transaction_id__ref_fct_orders_.9ca094186f>
    ) dbt_internal_test;

-- ---- test.ecom.relationships_rpt_top_products_product_id__product_id__ref_dim_products_.eceaf98dd4
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.relationships_rpt_top_products_product_id__product_id__ref_dim_products_.eceaf98dd4>
    ) dbt_internal_test;

-- ---- test.ecom.unique_combination_of_columns_dim_customers_customer_id__version_number.17625da40c
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_combination_of_columns_dim_customers_customer_id__version_number.17625da40c>
    ) dbt_internal_test;

-- ---- test.ecom.unique_combination_of_columns_fct_sales_transaction_id__line_number.a482b7af07
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_combination_of_columns_fct_sales_transaction_id__line_number.a482b7af07>
    ) dbt_internal_test;

-- ---- test.ecom.unique_combination_of_columns_int_sales_validated_transaction_id__line_number.d6e4f01e2f
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_combination_of_columns_int_sales_validated_transaction_id__line_number.d6e4f01e2f>
    ) dbt_internal_test;

-- ---- test.ecom.unique_combination_of_columns_reject_reasons_entity__reject_reason.ff6b8f6822
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_combination_of_columns_reject_reasons_entity__reject_reason.ff6b8f6822>
    ) dbt_internal_test;

-- ---- test.ecom.unique_combination_of_columns_reject_reasons_entity__rule_order.04f9ebe715
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_combination_of_columns_reject_reasons_entity__rule_order.04f9ebe715>
    ) dbt_internal_test;

-- ---- test.ecom.unique_combination_of_columns_rpt_recent_transactions_transaction_id__line_number.29c7f6167d
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_combination_of_columns_rpt_recent_transactions_transaction_id__line_number.29c7f6167d>
    ) dbt_internal_test;

-- ---- test.ecom.unique_combination_of_columns_rpt_top_products_period_type__period_start_date__revenue_rank.87823394e7
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_combination_of_columns_rpt_top_products_period_type__period_start_date__revenue_rank.87823394e7>
    ) dbt_internal_test;

-- ---- test.ecom.unique_dim_customers_customer_key.ad8156656e
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_dim_customers_customer_key.ad8156656e>
    ) dbt_internal_test;

-- ---- test.ecom.unique_dim_date_date_day.d56fd19199
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_dim_date_date_day.d56fd19199>
    ) dbt_internal_test;

-- ---- test.ecom.unique_dim_products_product_id.ef7b2a9985
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_dim_products_product_id.ef7b2a9985>
    ) dbt_internal_test;

-- ---- test.ecom.unique_fct_orders_transaction_id.110c9a27e4
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_fct_orders_transaction_id.110c9a27e4>
    ) dbt_internal_test;

-- ---- test.ecom.unique_fct_sales_sales_row_id.2cb9f9b3a4
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_fct_sales_sales_row_id.2cb9f9b3a4>
    ) dbt_internal_test;

-- ---- test.ecom.unique_int_customer_orders_customer_id.72a7c96028
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_int_customer_orders_customer_id.72a7c96028>
    ) dbt_internal_test;

-- ---- test.ecom.unique_int_customers_deduplicated_customer_id.7b175d7e61
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_int_customers_deduplicated_customer_id.7b175d7e61>
    ) dbt_internal_test;

-- ---- test.ecom.unique_int_customers_validated_customer_row_id.72ae88b935
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_int_customers_validated_customer_row_id.72ae88b935>
    ) dbt_internal_test;

-- ---- test.ecom.unique_int_product_sales_days_product_day_id.04bee59c60
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_int_product_sales_days_product_day_id.04bee59c60>
    ) dbt_internal_test;

-- ---- test.ecom.unique_int_products_validated_product_row_id.c85cbf7d61
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_int_products_validated_product_row_id.c85cbf7d61>
    ) dbt_internal_test;

-- ---- test.ecom.unique_int_sales_enriched_sales_row_id.2b48f5926f
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_int_sales_enriched_sales_row_id.2b48f5926f>
    ) dbt_internal_test;

-- ---- test.ecom.unique_int_sales_hourly_sales_hour.c8e0d4ab1b
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_int_sales_hourly_sales_hour.c8e0d4ab1b>
    ) dbt_internal_test;

-- ---- test.ecom.unique_int_sales_validated_sales_row_id.407104d4f2
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_int_sales_validated_sales_row_id.407104d4f2>
    ) dbt_internal_test;

-- ---- test.ecom.unique_qa_ingest_reconciliation_reconciliation_id.37a5e51bf0
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_qa_ingest_reconciliation_reconciliation_id.37a5e51bf0>
    ) dbt_internal_test;

-- ---- test.ecom.unique_qa_rejected_customers_customer_row_id.19046269c6
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_qa_rejected_customers_customer_row_id.19046269c6>
    ) dbt_internal_test;

-- ---- test.ecom.unique_qa_rejected_products_product_row_id.4fc94ee741
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_qa_rejected_products_product_row_id.4fc94ee741>
    ) dbt_internal_test;

-- ---- test.ecom.unique_qa_rejected_sales_sales_row_id.20435c27fa
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_qa_rejected_sales_sales_row_id.20435c27fa>
    ) dbt_internal_test;

-- ---- test.ecom.unique_rfm_segments_display_order.2c0f1a2b23
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_rfm_segments_display_order.2c0f1a2b23>
    ) dbt_internal_test;

-- ---- test.ecom.unique_rfm_segments_segment_code.aedc63149c
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_rfm_segments_segment_code.aedc63149c>
    ) dbt_internal_test;

-- ---- test.ecom.unique_rpt_customer_lifetime_value_customer_id.1517cd2290
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_rpt_customer_lifetime_value_customer_id.1517cd2290>
    ) dbt_internal_test;

-- ---- test.ecom.unique_rpt_customer_predictions_customer_id.5bfa929dc9
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_rpt_customer_predictions_customer_id.5bfa929dc9>
    ) dbt_internal_test;

-- ---- test.ecom.unique_rpt_customer_segments_customer_id.8e3a0cb271
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_rpt_customer_segments_customer_id.8e3a0cb271>
    ) dbt_internal_test;

-- ---- test.ecom.unique_rpt_daily_sales_summary_sales_date.e0bb359821
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_rpt_daily_sales_summary_sales_date.e0bb359821>
    ) dbt_internal_test;

-- ---- test.ecom.unique_rpt_pipeline_runs_run_id.abc2f21619
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_rpt_pipeline_runs_run_id.abc2f21619>
    ) dbt_internal_test;

-- ---- test.ecom.unique_rpt_recent_transactions_sales_row_id.811011a7bb
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_rpt_recent_transactions_sales_row_id.811011a7bb>
    ) dbt_internal_test;

-- ---- test.ecom.unique_rpt_sales_by_category_category_day_id.6b314f311f
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_rpt_sales_by_category_category_day_id.6b314f311f>
    ) dbt_internal_test;

-- ---- test.ecom.unique_rpt_sales_by_weekday_hour_weekday_hour_id.7769870cb7
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_rpt_sales_by_weekday_hour_weekday_hour_id.7769870cb7>
    ) dbt_internal_test;

-- ---- test.ecom.unique_rpt_top_products_top_product_id.2aa8993fd9
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_rpt_top_products_top_product_id.2aa8993fd9>
    ) dbt_internal_test;

-- ---- test.ecom.unique_snp_shop__customers_dbt_scd_id.138cdef152
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_snp_shop__customers_dbt_scd_id.138cdef152>
    ) dbt_internal_test;

-- ---- test.ecom.unique_stg_lake__landed_files_manifest_entry_id.e9b156ec50
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_stg_lake__landed_files_manifest_entry_id.e9b156ec50>
    ) dbt_internal_test;

-- ---- test.ecom.unique_stg_lake__refused_rows_refused_row_id.466a3fecdd
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_stg_lake__refused_rows_refused_row_id.466a3fecdd>
    ) dbt_internal_test;

-- ---- test.ecom.unique_stg_ops__pipeline_runs_run_id.7185b69c19
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_stg_ops__pipeline_runs_run_id.7185b69c19>
    ) dbt_internal_test;

-- ---- test.ecom.unique_stg_predictions__customer_scores_customer_id.4a5e7560f5
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_stg_predictions__customer_scores_customer_id.4a5e7560f5>
    ) dbt_internal_test;

-- ---- test.ecom.unique_stg_shop__customers_customer_row_id.1dc739e4b8
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_stg_shop__customers_customer_row_id.1dc739e4b8>
    ) dbt_internal_test;

-- ---- test.ecom.unique_stg_shop__products_product_row_id.5936f35e8f
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_stg_shop__products_product_row_id.5936f35e8f>
    ) dbt_internal_test;

-- ---- test.ecom.unique_stg_shop__sales_sales_row_id.d68b533822
BEGIN;
select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
<compiled code of test.ecom.unique_stg_shop__sales_sales_row_id.d68b533822>
    ) dbt_internal_test;

-- ======== scenario: maintenance ========

-- ---- macro_iceberg_maintenance
BEGIN;
COMMIT;
