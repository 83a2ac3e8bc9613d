-- Statements dbt-redshift sends for `dbt run --target redshift`, captured offline
-- (tests/python/aws_statements.py). Regenerate: ECOM_UPDATE_SNAPSHOTS=1 pytest tests/python/test_aws_materializations.py

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

-- ---- create_dev_analytics_staging
BEGIN;
create schema if not exists "analytics_staging";
COMMIT;

-- ---- list_dev
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

-- ======== scenario: daily_run ========

-- ---- list_dev
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
