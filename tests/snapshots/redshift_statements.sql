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
    signup_date date,
    valid_from timestamp,
    valid_to timestamp,
    updated_at timestamp
    )
    diststyle all
  ;
insert into "dev"."analytics_marts"."dim_customers__dbt_tmp"
    (
    select customer_key, customer_id, customer_name, email, city, version_number, is_current, is_inferred, signup_date, valid_from, valid_to, updated_at
    from (
<compiled code of model.ecom.dim_customers>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."dim_customers__dbt_tmp" rename to "dim_customers";
comment on table "dev"."analytics_marts"."dim_customers" is $dbt_comment_literal_block$Customers as slowly changing dimension type 2, from the snapshot snp_shop__customers: one row per customer per version, valid on [valid_from, valid_to). The first version of a customer is back-dated to 1900-01-01 (earlier states were never seen, and every sale must find a version); the current one runs to 9999-12-31 with is_current = true. For current attributes filter is_current; for attributes at the time of a sale join on customer_id and valid_from <= transaction_at < valid_to. Customer ids that sales reference but the API has not delivered get an inferred member (is_inferred), replaced by the real record once it arrives.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.dim_customers */;
/* dbt metadata query: columns of analytics_marts.dim_customers */;
comment on column "dev"."analytics_marts"."dim_customers".customer_key is $dbt_comment_literal_block$Surrogate key of the version: hash of customer_id and version_number. An inferred member has the key the customer's first real version will have.
$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_customers".customer_id is $dbt_comment_literal_block$The shop's customer id (trimmed text), the durable key of a customer across all versions.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_customers".customer_name is $dbt_comment_literal_block$Full name; 'Unknown customer' for inferred members.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_customers".email is $dbt_comment_literal_block$E-mail address, trimmed and lower-cased; null for inferred members.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_customers".city is $dbt_comment_literal_block$City in title case; 'Unknown' for inferred members.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_customers".version_number is $dbt_comment_literal_block$1 for the first version of the customer, counting up with each change.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_customers".is_current is $dbt_comment_literal_block$True for the version valid now (valid_to = 9999-12-31); one per customer.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_customers".is_inferred is $dbt_comment_literal_block$True for an inferred member: a stand-in row for an id that sales reference but the feed
(customer API or catalog) has not delivered yet. Its attributes say 'Unknown'. Facts key on the
durable id, so when the record arrives the next build replaces the stand-in and every sale,
old or new, shows the real attributes: late-arriving dimension members are never dropped.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_customers".signup_date is $dbt_comment_literal_block$Date the customer signed up; null for inferred members.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_customers".valid_from is $dbt_comment_literal_block$Start of the version (inclusive, UTC); 1900-01-01 for a first version.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_customers".valid_to is $dbt_comment_literal_block$End of the version (exclusive, UTC); 9999-12-31 for the current version.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_customers".updated_at is $dbt_comment_literal_block$When the shop system changed the record (UTC); null for inferred members.$dbt_comment_literal_block$;
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
comment on table "dev"."analytics_marts"."dim_date" is $dbt_comment_literal_block$The calendar, one row per day of every calendar year that has sales, built in the project from a portable date spine (macros/utils/date_spine.sql). Weeks start on Monday. It is also MetricFlow's time spine (models/semantic/): cumulative and offset metrics walk it.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.dim_date */;
/* dbt metadata query: columns of analytics_marts.dim_date */;
comment on column "dev"."analytics_marts"."dim_date".date_day is $dbt_comment_literal_block$The day.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".day_name is $dbt_comment_literal_block$Monday .. Sunday.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".month_name is $dbt_comment_literal_block$January .. December.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".year_number is $dbt_comment_literal_block$Calendar year.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".quarter_number is $dbt_comment_literal_block$Quarter, 1 .. 4.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".month_number is $dbt_comment_literal_block$Month, 1 .. 12.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".day_of_month is $dbt_comment_literal_block$Day of the month, 1 .. 31.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".day_of_week is $dbt_comment_literal_block$ISO day of week, 1 = Monday .. 7 = Sunday, the same on every engine.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".is_weekend is $dbt_comment_literal_block$True on Saturday and Sunday.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".week_start_date is $dbt_comment_literal_block$Monday of the day's ISO week.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".month_start_date is $dbt_comment_literal_block$First day of the month.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".quarter_start_date is $dbt_comment_literal_block$First day of the quarter.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".year_start_date is $dbt_comment_literal_block$1 January of the year.$dbt_comment_literal_block$;
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
comment on table "dev"."analytics_marts"."dim_products" is $dbt_comment_literal_block$One row per product: its row in the latest catalog export that has a usable row for it (type 1, the catalog keeps no history worth reporting on), plus an inferred member (is_inferred) for each product id sales reference that the catalog lacks.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.dim_products */;
/* dbt metadata query: columns of analytics_marts.dim_products */;
comment on column "dev"."analytics_marts"."dim_products".product_id is $dbt_comment_literal_block$The shop's product id (trimmed text).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_products".product_name is $dbt_comment_literal_block$Product name; 'Unknown product' for inferred members.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_products".category is $dbt_comment_literal_block$Merchandising category; 'Unknown' for inferred members.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_products".list_price is $dbt_comment_literal_block$Current list price. Money in the shop currency as decimal(18,2): exact, never a float. Null for inferred members.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_products".stock_quantity is $dbt_comment_literal_block$Units in stock at the last export; null for inferred members or when the export left it empty.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_products".is_inferred is $dbt_comment_literal_block$True for an inferred member: a stand-in row for an id that sales reference but the feed
(customer API or catalog) has not delivered yet. Its attributes say 'Unknown'. Facts key on the
durable id, so when the record arrives the next build replaces the stand-in and every sale,
old or new, shows the real attributes: late-arriving dimension members are never dropped.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_products".catalog_ingest_date is $dbt_comment_literal_block$Lake partition date of the export the row comes from; null for inferred members.$dbt_comment_literal_block$;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."dim_products__dbt_backup" cascade;
COMMIT;
BEGIN;

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
    cast(null as varchar(65535))
 as customer_id,
    cast(null as varchar(65535))
 as product_id,
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
 as transaction_at
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."fct_sales"
  (
    sales_row_id varchar(65535) not null,
    transaction_id varchar(65535) not null,
    customer_id varchar(65535) not null,
    product_id varchar(65535) not null,
    batch_id varchar(65535),
    landed_file_name varchar(65535),
    quantity integer,
    amount decimal(18,2),
    unit_price decimal(18,2),
    transaction_date date,
    ingest_date date,
    transaction_at timestamp
    )
    diststyle key distkey (customer_id)
      compound sortkey(transaction_at)
  ;
insert into "dev"."analytics_marts"."fct_sales"
    (
    select sales_row_id, transaction_id, customer_id, product_id, batch_id, landed_file_name, quantity, amount, unit_price, transaction_date, ingest_date, transaction_at
    from (
<compiled code of model.ecom.fct_sales>
    ) as model_subq
    )
  ;
comment on table "dev"."analytics_marts"."fct_sales" is $dbt_comment_literal_block$One row per sales transaction that passed the quality rules (see int_sales_validated): exact duplicates collapsed, the latest valid version of a corrected transaction kept, unusable lines left out (they are in qa_rejected_sales with their reason). Transactions whose customer or product is not (yet) known are kept; dim_customers and dim_products carry an inferred member for them. Incremental, merged on transaction_id: each build re-merges the kept lines dated up to `sales_lookback_days` (dbt var, default 7) before the latest date already loaded, so late lines and corrections update their transaction in place; `dbt build --full-refresh` rebuilds it from every landed file and gives the same table.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.fct_sales */;
/* dbt metadata query: columns of analytics_marts.fct_sales */;
comment on column "dev"."analytics_marts"."fct_sales".sales_row_id is $dbt_comment_literal_block$The landed line this transaction's row was taken from (stg_shop__sales).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."fct_sales".transaction_id is $dbt_comment_literal_block$The shop's transaction id; one row per transaction in fct_sales.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."fct_sales".customer_id is $dbt_comment_literal_block$The shop's customer id (trimmed text), the durable key of a customer across all versions. Joins dim_customers (all versions share it).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."fct_sales".product_id is $dbt_comment_literal_block$The shop's product id (trimmed text). Joins dim_products.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."fct_sales".batch_id is $dbt_comment_literal_block$The ingest batch that landed the file: its UTC start time (`YYYYMMDDTHHMMSSffffffZ`), so batch
ids sort in landing order. Of the version kept.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."fct_sales".landed_file_name is $dbt_comment_literal_block$The lake object a row came from, `<batch>-<original file name>`, under
`landing/<source>/ingest_date=YYYY-MM-DD/`. Of the version kept.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."fct_sales".quantity is $dbt_comment_literal_block$Units sold (at least 1).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."fct_sales".amount is $dbt_comment_literal_block$Line total. Money in the shop currency as decimal(18,2): exact, never a float. Not negative.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."fct_sales".unit_price is $dbt_comment_literal_block$amount / quantity, rounded half up to cents.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."fct_sales".transaction_date is $dbt_comment_literal_block$Date of the sale (UTC). Joins dim_date.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."fct_sales".ingest_date is $dbt_comment_literal_block$The lake partition the file landed under: the UTC date of ingestion (not of the sale). Of the version kept.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."fct_sales".transaction_at is $dbt_comment_literal_block$Time of the sale (UTC).$dbt_comment_literal_block$;
COMMIT;

-- ---- model.ecom.int_customers_deduplicated
BEGIN;
create  table
    "dev"."analytics_intermediate"."int_customers_deduplicated__dbt_tmp"
  as (
<compiled code of model.ecom.int_customers_deduplicated>
  );
alter table "dev"."analytics_intermediate"."int_customers_deduplicated__dbt_tmp" rename to "int_customers_deduplicated";
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_intermediate"."int_customers_deduplicated__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.int_customers_validated
BEGIN;
create  table
    "dev"."analytics_intermediate"."int_customers_validated__dbt_tmp"
  as (
<compiled code of model.ecom.int_customers_validated>
  );
alter table "dev"."analytics_intermediate"."int_customers_validated__dbt_tmp" rename to "int_customers_validated";
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_intermediate"."int_customers_validated__dbt_backup" cascade;
COMMIT;
BEGIN;

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
create  table
    "dev"."analytics_intermediate"."int_sales_enriched__dbt_tmp"
  as (
<compiled code of model.ecom.int_sales_enriched>
  );
alter table "dev"."analytics_intermediate"."int_sales_enriched__dbt_tmp" rename to "int_sales_enriched";
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_intermediate"."int_sales_enriched__dbt_backup" cascade;
COMMIT;
BEGIN;

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
 as is_read_in_full
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_qa"."qa_ingest_reconciliation__dbt_tmp"
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
    is_read_in_full boolean
    )
  ;
insert into "dev"."analytics_qa"."qa_ingest_reconciliation__dbt_tmp"
    (
    select reconciliation_id, entity, batch_id, landed_file_name, rows_landed, rows_used, rows_rejected, is_balanced, ingest_date, rows_received, rows_staged, rows_refused, is_read_in_full
    from (
<compiled code of model.ecom.qa_ingest_reconciliation>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_qa"."qa_ingest_reconciliation__dbt_tmp" rename to "qa_ingest_reconciliation";
comment on table "dev"."analytics_qa"."qa_ingest_reconciliation" is $dbt_comment_literal_block$One row per landed file of every feed (and so per ingest batch), with its rows accounted for twice over. rows_landed (read by staging from the file, 1:1 with it, plus the rows the ingest door refused from it) = rows_used + rows_rejected: used means in fct_sales for sales, and a usable row of int_products_validated / int_customers_validated (what the dimensions are built from) for the catalog and the customer pulls; rejected means in the qa_rejected_<entity> model (refused rows included). And rows_landed = rows_received, the rows the lake's manifest says the door read from the file, for every file the manifest lists as landed: a landed file staging never read (missing, or under a name staging's glob misses) is a row here with rows_staged 0. Each side is counted independently, so a row lost, counted twice, left in the incremental fct_sales after its file left the lake, or a file never read breaks the balance, and the tests on this model fail the build (tests/marts/quality/assert_every_landed_file_is_read_in_full.sql names the files).
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_qa.qa_ingest_reconciliation */;
/* dbt metadata query: columns of analytics_qa.qa_ingest_reconciliation */;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".reconciliation_id is $dbt_comment_literal_block$Key of the row, '<entity>|<landed_file_name>'.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".entity is $dbt_comment_literal_block$The feed.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".batch_id is $dbt_comment_literal_block$The ingest batch that landed the file: its UTC start time (`YYYYMMDDTHHMMSSffffffZ`), so batch
ids sort in landing order.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".landed_file_name is $dbt_comment_literal_block$The lake object a row came from, `<batch>-<original file name>`, under
`landing/<source>/ingest_date=YYYY-MM-DD/`.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_landed is $dbt_comment_literal_block$Rows of the file that reached the warehouse, rows_staged + rows_refused.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_used is $dbt_comment_literal_block$Rows of the file that the marts use.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_rejected is $dbt_comment_literal_block$Rows of the file in qa_rejected_<entity> (refused rows included).$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".is_balanced is $dbt_comment_literal_block$Every row of the file is accounted for: rows_landed = rows_used + rows_rejected and, for a file in the manifest, rows_landed = rows_received.
$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".ingest_date is $dbt_comment_literal_block$The lake partition the file landed under: the UTC date of ingestion (not of the sale).$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_received is $dbt_comment_literal_block$Rows the ingest door read from the file, per the lake's manifest (rows in the landed data file + rows refused); null when the manifest lists no landed file of this name.
$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_staged is $dbt_comment_literal_block$Rows of the file that staging read (stg_shop__<entity>).$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_refused is $dbt_comment_literal_block$Rows the ingest door refused from the file (stg_lake__refused_rows); they never reached the landed file.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".is_read_in_full is $dbt_comment_literal_block$rows_landed = rows_received (staging read every row the door landed); null when the file is not in the manifest.$dbt_comment_literal_block$;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_qa"."qa_ingest_reconciliation__dbt_backup" cascade;
COMMIT;
BEGIN;

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
 as ingest_date
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
    ingest_date date
    )
  ;
insert into "dev"."analytics_qa"."qa_rejected_customers__dbt_tmp"
    (
    select customer_row_id, customer_id, batch_id, landed_file_name, reject_reason, reject_detail, customer_name, email, city, signup_date_raw, updated_at_raw, raw_row, line_number, ingest_date
    from (
<compiled code of model.ecom.qa_rejected_customers>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_qa"."qa_rejected_customers__dbt_tmp" rename to "qa_rejected_customers";
comment on table "dev"."analytics_qa"."qa_rejected_customers" is $dbt_comment_literal_block$Every customer record that arrived and cannot be used, with the reason code (seed reject_reasons, entity 'customers') and the values as received: records the ingest door refused (never landed: reason, detail, line number, raw record) and landed records the cleaning rules rejected (standardised: trimmed, e-mail lower-cased, city title-cased). Older pulls of a customer are history, not rejects.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_qa.qa_rejected_customers */;
/* dbt metadata query: columns of analytics_qa.qa_rejected_customers */;
comment on column "dev"."analytics_qa"."qa_rejected_customers".customer_row_id is $dbt_comment_literal_block$Surrogate key of the record (stg_shop__customers, or stg_lake__refused_rows for a refused record).$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".customer_id is $dbt_comment_literal_block$Customer id as received (trimmed); may be null.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".batch_id is $dbt_comment_literal_block$The ingest batch that landed the file: its UTC start time (`YYYYMMDDTHHMMSSffffffZ`), so batch
ids sort in landing order.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".landed_file_name is $dbt_comment_literal_block$The lake object a row came from, `<batch>-<original file name>`, under
`landing/<source>/ingest_date=YYYY-MM-DD/`.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".reject_reason is $dbt_comment_literal_block$Why the record is not used; a code of entity 'customers' in seed reject_reasons.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".reject_detail is $dbt_comment_literal_block$For a record refused at the ingest door, what exactly was wrong (the door's words); null for records rejected by the cleaning rules.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".customer_name is $dbt_comment_literal_block$Name as received (trimmed).$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".email is $dbt_comment_literal_block$E-mail as received, trimmed and lower-cased.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".city is $dbt_comment_literal_block$City, title-cased.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".signup_date_raw is $dbt_comment_literal_block$Signup date as received.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".updated_at_raw is $dbt_comment_literal_block$Last-change timestamp as received.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".raw_row is $dbt_comment_literal_block$For a record refused at the ingest door, the record as received (at most 1,000 characters); null for landed records, whose values are in the *_raw columns.
$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".line_number is $dbt_comment_literal_block$For a record refused at the ingest door, its line in the received file (1 = first line); null for records rejected by the cleaning rules.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".ingest_date is $dbt_comment_literal_block$The lake partition the file landed under: the UTC date of ingestion (not of the sale).$dbt_comment_literal_block$;
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
 as ingest_date
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
    ingest_date date
    )
  ;
insert into "dev"."analytics_qa"."qa_rejected_products__dbt_tmp"
    (
    select product_row_id, product_id, batch_id, landed_file_name, reject_reason, reject_detail, product_name, category, list_price_raw, stock_quantity_raw, raw_row, line_number, ingest_date
    from (
<compiled code of model.ecom.qa_rejected_products>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_qa"."qa_rejected_products__dbt_tmp" rename to "qa_rejected_products";
comment on table "dev"."analytics_qa"."qa_rejected_products" is $dbt_comment_literal_block$Every catalog row that arrived and cannot be used, with the reason code (seed reject_reasons, entity 'products') and the values as received: rows the ingest door refused (never landed: reason, detail, line number, raw row) and landed rows the cleaning rules rejected. Older exports of a product are history, not rejects.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_qa.qa_rejected_products */;
/* dbt metadata query: columns of analytics_qa.qa_rejected_products */;
comment on column "dev"."analytics_qa"."qa_rejected_products".product_row_id is $dbt_comment_literal_block$Surrogate key of the row (stg_shop__products, or stg_lake__refused_rows for a refused row).$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".product_id is $dbt_comment_literal_block$Product id as received (trimmed); may be null.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".batch_id is $dbt_comment_literal_block$The ingest batch that landed the file: its UTC start time (`YYYYMMDDTHHMMSSffffffZ`), so batch
ids sort in landing order.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".landed_file_name is $dbt_comment_literal_block$The lake object a row came from, `<batch>-<original file name>`, under
`landing/<source>/ingest_date=YYYY-MM-DD/`.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".reject_reason is $dbt_comment_literal_block$Why the row is not used; a code of entity 'products' in seed reject_reasons.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".reject_detail is $dbt_comment_literal_block$For a row refused at the ingest door, what exactly was wrong (the door's words); null for rows rejected by the cleaning rules.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".product_name is $dbt_comment_literal_block$Name as received (trimmed).$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".category is $dbt_comment_literal_block$Category as received (trimmed).$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".list_price_raw is $dbt_comment_literal_block$Price as received.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".stock_quantity_raw is $dbt_comment_literal_block$Stock as received.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".raw_row is $dbt_comment_literal_block$For a row refused at the ingest door, the row as received (at most 1,000 characters); null for landed rows, whose values are in the *_raw columns.
$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".line_number is $dbt_comment_literal_block$For a row refused at the ingest door, its line in the received file (1 = first line); null for rows rejected by the cleaning rules.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".ingest_date is $dbt_comment_literal_block$The lake partition the file landed under: the UTC date of ingestion (not of the sale).$dbt_comment_literal_block$;
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
 as ingest_date
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_qa"."qa_rejected_sales__dbt_tmp"
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
    ingest_date date
    )
  ;
insert into "dev"."analytics_qa"."qa_rejected_sales__dbt_tmp"
    (
    select sales_row_id, transaction_id, customer_id, product_id, batch_id, landed_file_name, reject_reason, reject_detail, quantity_raw, amount_raw, transaction_date_raw, raw_row, line_number, ingest_date
    from (
<compiled code of model.ecom.qa_rejected_sales>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_qa"."qa_rejected_sales__dbt_tmp" rename to "qa_rejected_sales";
comment on table "dev"."analytics_qa"."qa_rejected_sales" is $dbt_comment_literal_block$Every sales line that arrived and is not in fct_sales, with the reason code (seed reject_reasons says what each means and what to do) and the raw values as received: lines the ingest door refused (they never landed: reason, detail, line number and raw line) and landed lines the cleaning rules rejected (raw values in the *_raw columns). Together with fct_sales it accounts for every line that arrived exactly once (qa_ingest_reconciliation).
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_qa.qa_rejected_sales */;
/* dbt metadata query: columns of analytics_qa.qa_rejected_sales */;
comment on column "dev"."analytics_qa"."qa_rejected_sales".sales_row_id is $dbt_comment_literal_block$Surrogate key of the line (stg_shop__sales, or stg_lake__refused_rows for a refused line).$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".transaction_id is $dbt_comment_literal_block$Transaction id as received (trimmed); may be null.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".customer_id is $dbt_comment_literal_block$Customer id as received (trimmed); may be null.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".product_id is $dbt_comment_literal_block$Product id as received (trimmed); may be null.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".batch_id is $dbt_comment_literal_block$The ingest batch that landed the file: its UTC start time (`YYYYMMDDTHHMMSSffffffZ`), so batch
ids sort in landing order.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".landed_file_name is $dbt_comment_literal_block$The lake object a row came from, `<batch>-<original file name>`, under
`landing/<source>/ingest_date=YYYY-MM-DD/`.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".reject_reason is $dbt_comment_literal_block$Why the line is not used; a code of entity 'sales' in seed reject_reasons.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".reject_detail is $dbt_comment_literal_block$For a line refused at the ingest door, what exactly was wrong (the door's words); null for lines rejected by the cleaning rules.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".quantity_raw is $dbt_comment_literal_block$Quantity as received.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".amount_raw is $dbt_comment_literal_block$Amount as received.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".transaction_date_raw is $dbt_comment_literal_block$Transaction timestamp as received.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".raw_row is $dbt_comment_literal_block$For a line refused at the ingest door, the line as received (at most 1,000 characters); null for landed lines, whose values are in the *_raw columns.
$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".line_number is $dbt_comment_literal_block$For a line refused at the ingest door, its line in the received file (1 = first line); null for lines rejected by the cleaning rules.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".ingest_date is $dbt_comment_literal_block$The lake partition the file landed under: the UTC date of ingestion (not of the sale).$dbt_comment_literal_block$;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_qa"."qa_rejected_sales__dbt_backup" cascade;
COMMIT;
BEGIN;

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
    select customer_id, customer_name, email, city, order_count, units_purchased, lifetime_value, avg_order_value, tenure_days, days_since_last_order, is_inferred, first_order_date, last_order_date, as_of_date
    from (
<compiled code of model.ecom.rpt_customer_lifetime_value>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."rpt_customer_lifetime_value__dbt_tmp" rename to "rpt_customer_lifetime_value";
comment on table "dev"."analytics_marts"."rpt_customer_lifetime_value" is $dbt_comment_literal_block$One row per customer who bought at least once: orders, units, lifetime value, first and last order and tenure, with the customer's current attributes (dim_customers, is_current). Day counts are as of the latest sales date in fct_sales (as_of_date).
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.rpt_customer_lifetime_value */;
/* dbt metadata query: columns of analytics_marts.rpt_customer_lifetime_value */;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".customer_id is $dbt_comment_literal_block$The shop's customer id (trimmed text), the durable key of a customer across all versions.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".customer_name is $dbt_comment_literal_block$Current name; 'Unknown customer' for an inferred member.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".email is $dbt_comment_literal_block$Current e-mail; null for an inferred member.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".city is $dbt_comment_literal_block$Current city; 'Unknown' for an inferred member.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".order_count is $dbt_comment_literal_block$Transactions in fct_sales (each transaction is one order).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".units_purchased is $dbt_comment_literal_block$Sum of quantity over all orders.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".lifetime_value is $dbt_comment_literal_block$Sum of amount over all orders. Money in the shop currency as decimal(18,2): exact, never a float.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".avg_order_value is $dbt_comment_literal_block$lifetime_value / order_count, rounded half up to cents.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".tenure_days is $dbt_comment_literal_block$Days from the first order to as_of_date (0 when the first order is on it).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".days_since_last_order is $dbt_comment_literal_block$Days from the last order to as_of_date; the recency of RFM.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".is_inferred is $dbt_comment_literal_block$True for an inferred member: a stand-in row for an id that sales reference but the feed
(customer API or catalog) has not delivered yet. Its attributes say 'Unknown'. Facts key on the
durable id, so when the record arrives the next build replaces the stand-in and every sale,
old or new, shows the real attributes: late-arriving dimension members are never dropped.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".first_order_date is $dbt_comment_literal_block$Date of the first transaction.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".last_order_date is $dbt_comment_literal_block$Date of the latest transaction.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".as_of_date is $dbt_comment_literal_block$The latest transaction date in fct_sales. Measures "as of" use it instead of today, so the
same data always gives the same result.$dbt_comment_literal_block$;
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
comment on table "dev"."analytics_marts"."rpt_customer_segments" is $dbt_comment_literal_block$RFM segmentation of every customer in rpt_customer_lifetime_value. Recency (days since the last order, fewer is better), frequency (orders) and monetary value (lifetime value) are each scored 1..5 as tie-aware quintiles (macros/utils/tie_aware_quintile.sql): equal values share the quintile of their middle position, the worst value always scores 1 and the best 5, so equal values never get different scores. The named segment is the first rule that matches, in the order of the rfm_segments seed: champions, loyal_customers, potential_loyalists, new_customers, needs_attention, at_risk, hibernating, lost.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.rpt_customer_segments */;
/* dbt metadata query: columns of analytics_marts.rpt_customer_segments */;
comment on column "dev"."analytics_marts"."rpt_customer_segments".customer_id is $dbt_comment_literal_block$The shop's customer id (trimmed text), the durable key of a customer across all versions.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".segment_code is $dbt_comment_literal_block$The segment's code (see seed rfm_segments).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".segment_name is $dbt_comment_literal_block$The segment's display name from seed rfm_segments.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".customer_name is $dbt_comment_literal_block$Current name.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".city is $dbt_comment_literal_block$Current city.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".rfm_score is $dbt_comment_literal_block$The three scores as text, R then F then M, e.g. '545'.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".recency_score is $dbt_comment_literal_block$1..5, higher is more recent.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".frequency_score is $dbt_comment_literal_block$1..5, higher is more orders.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".monetary_score is $dbt_comment_literal_block$1..5, higher is more lifetime value.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".days_since_last_order is $dbt_comment_literal_block$The recency measure, in days before as_of_date.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".order_count is $dbt_comment_literal_block$The frequency measure.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".lifetime_value is $dbt_comment_literal_block$The monetary measure. Money in the shop currency as decimal(18,2): exact, never a float.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".is_inferred is $dbt_comment_literal_block$True for an inferred member: a stand-in row for an id that sales reference but the feed
(customer API or catalog) has not delivered yet. Its attributes say 'Unknown'. Facts key on the
durable id, so when the record arrives the next build replaces the stand-in and every sale,
old or new, shows the real attributes: late-arriving dimension members are never dropped.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".last_order_date is $dbt_comment_literal_block$Date of the latest transaction.$dbt_comment_literal_block$;
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
 as transaction_count,
    cast(null as decimal(18,2))
 as total_revenue,
    cast(null as decimal(18,2))
 as avg_order_value,
    cast(null as integer)
 as unique_customers,
    cast(null as integer)
 as new_customers,
    cast(null as integer)
 as returning_customers
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."rpt_daily_sales_summary__dbt_tmp"
  (
    sales_date date not null,
    transaction_count integer,
    total_revenue decimal(18,2),
    avg_order_value decimal(18,2),
    unique_customers integer,
    new_customers integer,
    returning_customers integer
    )
  ;
insert into "dev"."analytics_marts"."rpt_daily_sales_summary__dbt_tmp"
    (
    select sales_date, transaction_count, total_revenue, avg_order_value, unique_customers, new_customers, returning_customers
    from (
<compiled code of model.ecom.rpt_daily_sales_summary>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."rpt_daily_sales_summary__dbt_tmp" rename to "rpt_daily_sales_summary";
comment on table "dev"."analytics_marts"."rpt_daily_sales_summary" is $dbt_comment_literal_block$One row per day with sales in fct_sales: the day's headline numbers. A customer is new on the day of their first transaction in fct_sales and returning on every later day they buy.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.rpt_daily_sales_summary */;
/* dbt metadata query: columns of analytics_marts.rpt_daily_sales_summary */;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".sales_date is $dbt_comment_literal_block$The day (UTC).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".transaction_count is $dbt_comment_literal_block$Transactions that day.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".total_revenue is $dbt_comment_literal_block$Sum of amount that day. Money in the shop currency as decimal(18,2): exact, never a float.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".avg_order_value is $dbt_comment_literal_block$total_revenue / transaction_count, rounded half up to cents.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".unique_customers is $dbt_comment_literal_block$Distinct customers who bought that day.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".new_customers is $dbt_comment_literal_block$Customers whose first transaction in fct_sales is on this day.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".returning_customers is $dbt_comment_literal_block$Customers who bought this day and also on an earlier day (unique_customers - new_customers).$dbt_comment_literal_block$;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."rpt_daily_sales_summary__dbt_backup" cascade;
COMMIT;
BEGIN;

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
comment on table "dev"."analytics_marts"."rpt_pipeline_runs" is $dbt_comment_literal_block$One row per run of the daily pipeline (`ecom run`, `ecom backfill`) from the lake's run log: status, exit code, step durations, files and rows in, rows rejected and dbt results, for the dashboard's pipeline health page. The build of a run shows that run as `running` with its ingest counts (its record is written just before dbt build) and every earlier run in its final state; a run's final status and dbt counts appear at the next build. A run left `running` by a kill shows as `interrupted` once a later run has started.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.rpt_pipeline_runs */;
/* dbt metadata query: columns of analytics_marts.rpt_pipeline_runs */;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".run_id is $dbt_comment_literal_block$Id of the run (its UTC start time); the batch id of the files it landed.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".command is $dbt_comment_literal_block$`run` or `backfill`.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".run_status is $dbt_comment_literal_block$succeeded, data_quarantined (succeeded, files refused), failed, running (this build's own run) or interrupted (killed: still running while a later run started).
$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".error_message is $dbt_comment_literal_block$Why the run failed, if it did.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".exit_code is $dbt_comment_literal_block$0 succeeded, 1 pipeline failed, 3 files quarantined; null while running.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".duration_seconds is $dbt_comment_literal_block$Wall-clock seconds of the run; null while running.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".ingest_seconds is $dbt_comment_literal_block$Seconds of the ingest step.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".dbt_build_seconds is $dbt_comment_literal_block$Seconds of dbt build, retries included; null until the run finished.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".report_seconds is $dbt_comment_literal_block$Seconds of the daily report export.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".files_received is $dbt_comment_literal_block$Files offered to the lake, including ones seen before.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".files_landed is $dbt_comment_literal_block$Files this run landed.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".files_quarantined is $dbt_comment_literal_block$Files refused (see quarantine/ in the lake).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".rows_landed is $dbt_comment_literal_block$Rows in the files this run landed.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".rows_rejected is $dbt_comment_literal_block$Rows of this run's files the cleaning rules rejected (qa_rejected_*).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".models_built is $dbt_comment_literal_block$Models, seeds and snapshots dbt built.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".models_failed is $dbt_comment_literal_block$Models, seeds and snapshots that errored.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".tests_passed is $dbt_comment_literal_block$Tests that passed.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".tests_warned is $dbt_comment_literal_block$Tests that warned.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".tests_failed is $dbt_comment_literal_block$Tests that failed or errored.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".reports_written is $dbt_comment_literal_block$Files of the daily report written (CSV and Parquet per table).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".is_successful is $dbt_comment_literal_block$Whether the run succeeded (with or without quarantined files).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".is_latest_run_of_day is $dbt_comment_literal_block$Whether this is the last run started for its run_date (the one whose report stands).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".run_date is $dbt_comment_literal_block$The day the run was for.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".started_at is $dbt_comment_literal_block$Start of the run (UTC).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".finished_at is $dbt_comment_literal_block$End of the run (UTC); null while running.$dbt_comment_literal_block$;
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
 as transaction_id,
    cast(null as varchar(65535))
 as customer_id,
    cast(null as varchar(65535))
 as product_id,
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
    transaction_id varchar(65535) not null,
    customer_id varchar(65535),
    product_id varchar(65535),
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
    select transaction_id, customer_id, product_id, customer_key, customer_name, city, product_name, category, quantity, unit_price, amount, is_customer_inferred, is_product_inferred, transaction_date, transaction_at
    from (
<compiled code of model.ecom.rpt_recent_transactions>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."rpt_recent_transactions__dbt_tmp" rename to "rpt_recent_transactions";
comment on table "dev"."analytics_marts"."rpt_recent_transactions" is $dbt_comment_literal_block$Every transaction of the last `recent_transactions_days` (dbt var, default 7) days up to and including the latest sales date, with the customer as they were at the time of the sale (the dim_customers version valid then) and the product's current attributes.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.rpt_recent_transactions */;
/* dbt metadata query: columns of analytics_marts.rpt_recent_transactions */;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".transaction_id is $dbt_comment_literal_block$The shop's transaction id; one row per transaction in fct_sales.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".customer_id is $dbt_comment_literal_block$The shop's customer id (trimmed text), the durable key of a customer across all versions.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".product_id is $dbt_comment_literal_block$The shop's product id (trimmed text).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".customer_key is $dbt_comment_literal_block$The dim_customers version valid at the time of the sale.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".customer_name is $dbt_comment_literal_block$The customer's name at the time of the sale.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".city is $dbt_comment_literal_block$The customer's city at the time of the sale.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".product_name is $dbt_comment_literal_block$Current product name.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".category is $dbt_comment_literal_block$Current product category.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".quantity is $dbt_comment_literal_block$Units sold.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".unit_price is $dbt_comment_literal_block$amount / quantity. Money in the shop currency as decimal(18,2): exact, never a float.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".amount is $dbt_comment_literal_block$Line total. Money in the shop currency as decimal(18,2): exact, never a float.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".is_customer_inferred is $dbt_comment_literal_block$True when the customer is an inferred member (not yet in the customer feed).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".is_product_inferred is $dbt_comment_literal_block$True when the product is an inferred member (not yet in the catalog).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".transaction_date is $dbt_comment_literal_block$Date of the sale (UTC).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".transaction_at is $dbt_comment_literal_block$Time of the sale (UTC).$dbt_comment_literal_block$;
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
 as transaction_count,
    cast(null as integer)
 as units_sold,
    cast(null as integer)
 as unique_customers,
    cast(null as decimal(18,2))
 as revenue,
    cast(null as decimal(18,2))
 as revenue_share_pct,
    cast(null as date)
 as sales_date
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."rpt_sales_by_category__dbt_tmp"
  (
    category_day_id varchar(65535) not null,
    category varchar(65535),
    transaction_count integer,
    units_sold integer,
    unique_customers integer,
    revenue decimal(18,2),
    revenue_share_pct decimal(18,2),
    sales_date date
    )
  ;
insert into "dev"."analytics_marts"."rpt_sales_by_category__dbt_tmp"
    (
    select category_day_id, category, transaction_count, units_sold, unique_customers, revenue, revenue_share_pct, sales_date
    from (
<compiled code of model.ecom.rpt_sales_by_category>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."rpt_sales_by_category__dbt_tmp" rename to "rpt_sales_by_category";
comment on table "dev"."analytics_marts"."rpt_sales_by_category" is $dbt_comment_literal_block$One row per day and product category with sales: transactions, units, customers, revenue and the category's share of the day's revenue. The category is the product's current one; products not yet in the catalog count under 'Unknown'.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.rpt_sales_by_category */;
/* dbt metadata query: columns of analytics_marts.rpt_sales_by_category */;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".category_day_id is $dbt_comment_literal_block$Key of the row, '<sales_date>|<category>'.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".category is $dbt_comment_literal_block$Merchandising category.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".transaction_count is $dbt_comment_literal_block$Transactions in the category that day.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".units_sold is $dbt_comment_literal_block$Units sold in the category that day.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".unique_customers is $dbt_comment_literal_block$Distinct customers who bought in the category that day (do not add up across days or categories).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".revenue is $dbt_comment_literal_block$Revenue of the category that day. Money in the shop currency as decimal(18,2): exact, never a float.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".revenue_share_pct is $dbt_comment_literal_block$The category's share of the day's revenue in percent (0..100), rounded half up to two decimals.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".sales_date is $dbt_comment_literal_block$The day (UTC).$dbt_comment_literal_block$;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."rpt_sales_by_category__dbt_backup" cascade;
COMMIT;
BEGIN;

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
 as transaction_count,
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
    transaction_count integer,
    units_sold integer,
    revenue decimal(18,2),
    avg_transactions_per_day decimal(18,2),
    avg_revenue_per_day decimal(18,2)
    )
  ;
insert into "dev"."analytics_marts"."rpt_sales_by_weekday_hour__dbt_tmp"
    (
    select weekday_hour_id, day_name, day_of_week, hour_of_day, days_observed, transaction_count, units_sold, revenue, avg_transactions_per_day, avg_revenue_per_day
    from (
<compiled code of model.ecom.rpt_sales_by_weekday_hour>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."rpt_sales_by_weekday_hour__dbt_tmp" rename to "rpt_sales_by_weekday_hour";
comment on table "dev"."analytics_marts"."rpt_sales_by_weekday_hour" is $dbt_comment_literal_block$Sales by day of week and hour of day (UTC) for a heatmap: all 168 slots, zeros included, over every day from the first to the last sales date. Averages divide by how many of that weekday the range holds.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.rpt_sales_by_weekday_hour */;
/* dbt metadata query: columns of analytics_marts.rpt_sales_by_weekday_hour */;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".weekday_hour_id is $dbt_comment_literal_block$Slot number, (day_of_week - 1) * 24 + hour_of_day, 0 .. 167.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".day_name is $dbt_comment_literal_block$Monday .. Sunday.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".day_of_week is $dbt_comment_literal_block$ISO day of week, 1 = Monday .. 7 = Sunday.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".hour_of_day is $dbt_comment_literal_block$Hour of the day, 0 .. 23 (UTC).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".days_observed is $dbt_comment_literal_block$How many days with this weekday lie between the first and last sales date.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".transaction_count is $dbt_comment_literal_block$Transactions in the slot over the whole range.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".units_sold is $dbt_comment_literal_block$Units sold in the slot over the whole range.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".revenue is $dbt_comment_literal_block$Revenue in the slot over the whole range. Money in the shop currency as decimal(18,2): exact, never a float.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".avg_transactions_per_day is $dbt_comment_literal_block$transaction_count / days_observed, two decimals; null when no such weekday was observed.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".avg_revenue_per_day is $dbt_comment_literal_block$revenue / days_observed, rounded half up to cents; null when no such weekday was observed.$dbt_comment_literal_block$;
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
 as transaction_count,
    cast(null as integer)
 as units_sold,
    cast(null as decimal(18,2))
 as revenue,
    cast(null as date)
 as period_start_date,
    cast(null as date)
 as period_end_date
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."rpt_top_products__dbt_tmp"
  (
    top_product_id varchar(65535) not null,
    product_id varchar(65535),
    period_type varchar(65535),
    product_name varchar(65535),
    category varchar(65535),
    revenue_rank integer,
    category_revenue_rank integer,
    transaction_count integer,
    units_sold integer,
    revenue decimal(18,2),
    period_start_date date,
    period_end_date date
    )
  ;
insert into "dev"."analytics_marts"."rpt_top_products__dbt_tmp"
    (
    select top_product_id, product_id, period_type, product_name, category, revenue_rank, category_revenue_rank, transaction_count, units_sold, revenue, period_start_date, period_end_date
    from (
        <compiled code of model.ecom.rpt_top_products>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."rpt_top_products__dbt_tmp" rename to "rpt_top_products";
comment on table "dev"."analytics_marts"."rpt_top_products" is $dbt_comment_literal_block$Products ranked by revenue per day, per ISO week (Monday start) and per calendar month: one row per period and product that sold in it. revenue_rank ranks all products of the period, category_revenue_rank those of the same category; ties go to more units, then the lower product_id, so ranks are unique. Filter revenue_rank <= 10 for a top 10.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.rpt_top_products */;
/* dbt metadata query: columns of analytics_marts.rpt_top_products */;
comment on column "dev"."analytics_marts"."rpt_top_products".top_product_id is $dbt_comment_literal_block$Key of the row, '<period_type>|<period_start_date>|<product_id>'.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_top_products".product_id is $dbt_comment_literal_block$The shop's product id (trimmed text).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_top_products".period_type is $dbt_comment_literal_block$The period grain.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_top_products".product_name is $dbt_comment_literal_block$Current product name.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_top_products".category is $dbt_comment_literal_block$Current category.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_top_products".revenue_rank is $dbt_comment_literal_block$1 = the period's highest revenue.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_top_products".category_revenue_rank is $dbt_comment_literal_block$Rank within the product's category in the period.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_top_products".transaction_count is $dbt_comment_literal_block$Transactions of the product in the period.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_top_products".units_sold is $dbt_comment_literal_block$Units of the product sold in the period.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_top_products".revenue is $dbt_comment_literal_block$Revenue of the product in the period. Money in the shop currency as decimal(18,2): exact, never a float.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_top_products".period_start_date is $dbt_comment_literal_block$First day of the period.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_top_products".period_end_date is $dbt_comment_literal_block$Last day of the period.$dbt_comment_literal_block$;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."rpt_top_products__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.stg_lake__landed_files
BEGIN;
create view "dev"."analytics_staging"."stg_lake__landed_files__dbt_tmp" as (
<compiled code of model.ecom.stg_lake__landed_files>
  ) ;
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
  ) ;
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
  ) ;
alter table "dev"."analytics_staging"."stg_ops__pipeline_runs__dbt_tmp" rename to "stg_ops__pipeline_runs";
COMMIT;
BEGIN;
drop view if exists "dev"."analytics_staging"."stg_ops__pipeline_runs__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.stg_shop__customers
BEGIN;
create view "dev"."analytics_staging"."stg_shop__customers__dbt_tmp" as (
    <compiled code of model.ecom.stg_shop__customers>
  ) ;
alter table "dev"."analytics_staging"."stg_shop__customers__dbt_tmp" rename to "stg_shop__customers";
COMMIT;
BEGIN;
drop view if exists "dev"."analytics_staging"."stg_shop__customers__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.stg_shop__products
BEGIN;
create view "dev"."analytics_staging"."stg_shop__products__dbt_tmp" as (
    <compiled code of model.ecom.stg_shop__products>
  ) ;
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
    signup_date date,
    valid_from timestamp,
    valid_to timestamp,
    updated_at timestamp
    )
    diststyle all
  ;
insert into "dev"."analytics_marts"."dim_customers__dbt_tmp"
    (
    select customer_key, customer_id, customer_name, email, city, version_number, is_current, is_inferred, signup_date, valid_from, valid_to, updated_at
    from (
<compiled code of model.ecom.dim_customers>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."dim_customers" rename to "dim_customers__dbt_backup";
alter table "dev"."analytics_marts"."dim_customers__dbt_tmp" rename to "dim_customers";
comment on table "dev"."analytics_marts"."dim_customers" is $dbt_comment_literal_block$Customers as slowly changing dimension type 2, from the snapshot snp_shop__customers: one row per customer per version, valid on [valid_from, valid_to). The first version of a customer is back-dated to 1900-01-01 (earlier states were never seen, and every sale must find a version); the current one runs to 9999-12-31 with is_current = true. For current attributes filter is_current; for attributes at the time of a sale join on customer_id and valid_from <= transaction_at < valid_to. Customer ids that sales reference but the API has not delivered get an inferred member (is_inferred), replaced by the real record once it arrives.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.dim_customers */;
/* dbt metadata query: columns of analytics_marts.dim_customers */;
comment on column "dev"."analytics_marts"."dim_customers".customer_key is $dbt_comment_literal_block$Surrogate key of the version: hash of customer_id and version_number. An inferred member has the key the customer's first real version will have.
$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_customers".customer_id is $dbt_comment_literal_block$The shop's customer id (trimmed text), the durable key of a customer across all versions.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_customers".customer_name is $dbt_comment_literal_block$Full name; 'Unknown customer' for inferred members.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_customers".email is $dbt_comment_literal_block$E-mail address, trimmed and lower-cased; null for inferred members.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_customers".city is $dbt_comment_literal_block$City in title case; 'Unknown' for inferred members.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_customers".version_number is $dbt_comment_literal_block$1 for the first version of the customer, counting up with each change.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_customers".is_current is $dbt_comment_literal_block$True for the version valid now (valid_to = 9999-12-31); one per customer.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_customers".is_inferred is $dbt_comment_literal_block$True for an inferred member: a stand-in row for an id that sales reference but the feed
(customer API or catalog) has not delivered yet. Its attributes say 'Unknown'. Facts key on the
durable id, so when the record arrives the next build replaces the stand-in and every sale,
old or new, shows the real attributes: late-arriving dimension members are never dropped.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_customers".signup_date is $dbt_comment_literal_block$Date the customer signed up; null for inferred members.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_customers".valid_from is $dbt_comment_literal_block$Start of the version (inclusive, UTC); 1900-01-01 for a first version.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_customers".valid_to is $dbt_comment_literal_block$End of the version (exclusive, UTC); 9999-12-31 for the current version.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_customers".updated_at is $dbt_comment_literal_block$When the shop system changed the record (UTC); null for inferred members.$dbt_comment_literal_block$;
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
comment on table "dev"."analytics_marts"."dim_date" is $dbt_comment_literal_block$The calendar, one row per day of every calendar year that has sales, built in the project from a portable date spine (macros/utils/date_spine.sql). Weeks start on Monday. It is also MetricFlow's time spine (models/semantic/): cumulative and offset metrics walk it.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.dim_date */;
/* dbt metadata query: columns of analytics_marts.dim_date */;
comment on column "dev"."analytics_marts"."dim_date".date_day is $dbt_comment_literal_block$The day.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".day_name is $dbt_comment_literal_block$Monday .. Sunday.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".month_name is $dbt_comment_literal_block$January .. December.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".year_number is $dbt_comment_literal_block$Calendar year.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".quarter_number is $dbt_comment_literal_block$Quarter, 1 .. 4.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".month_number is $dbt_comment_literal_block$Month, 1 .. 12.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".day_of_month is $dbt_comment_literal_block$Day of the month, 1 .. 31.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".day_of_week is $dbt_comment_literal_block$ISO day of week, 1 = Monday .. 7 = Sunday, the same on every engine.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".is_weekend is $dbt_comment_literal_block$True on Saturday and Sunday.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".week_start_date is $dbt_comment_literal_block$Monday of the day's ISO week.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".month_start_date is $dbt_comment_literal_block$First day of the month.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".quarter_start_date is $dbt_comment_literal_block$First day of the quarter.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_date".year_start_date is $dbt_comment_literal_block$1 January of the year.$dbt_comment_literal_block$;
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
comment on table "dev"."analytics_marts"."dim_products" is $dbt_comment_literal_block$One row per product: its row in the latest catalog export that has a usable row for it (type 1, the catalog keeps no history worth reporting on), plus an inferred member (is_inferred) for each product id sales reference that the catalog lacks.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.dim_products */;
/* dbt metadata query: columns of analytics_marts.dim_products */;
comment on column "dev"."analytics_marts"."dim_products".product_id is $dbt_comment_literal_block$The shop's product id (trimmed text).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_products".product_name is $dbt_comment_literal_block$Product name; 'Unknown product' for inferred members.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_products".category is $dbt_comment_literal_block$Merchandising category; 'Unknown' for inferred members.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_products".list_price is $dbt_comment_literal_block$Current list price. Money in the shop currency as decimal(18,2): exact, never a float. Null for inferred members.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_products".stock_quantity is $dbt_comment_literal_block$Units in stock at the last export; null for inferred members or when the export left it empty.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_products".is_inferred is $dbt_comment_literal_block$True for an inferred member: a stand-in row for an id that sales reference but the feed
(customer API or catalog) has not delivered yet. Its attributes say 'Unknown'. Facts key on the
durable id, so when the record arrives the next build replaces the stand-in and every sale,
old or new, shows the real attributes: late-arriving dimension members are never dropped.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."dim_products".catalog_ingest_date is $dbt_comment_literal_block$Lake partition date of the export the row comes from; null for inferred members.$dbt_comment_literal_block$;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."dim_products__dbt_backup" cascade;
COMMIT;
BEGIN;

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
    cast(null as varchar(65535))
 as customer_id,
    cast(null as varchar(65535))
 as product_id,
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
 as transaction_at
    ) as __dbt_sbq
    where false
    limit 0;
create temporary table
    "fct_sales__dbt_tmp<suffix>"
  (
    sales_row_id varchar(65535) not null,
    transaction_id varchar(65535) not null,
    customer_id varchar(65535) not null,
    product_id varchar(65535) not null,
    batch_id varchar(65535),
    landed_file_name varchar(65535),
    quantity integer,
    amount decimal(18,2),
    unit_price decimal(18,2),
    transaction_date date,
    ingest_date date,
    transaction_at timestamp
    )
    diststyle key distkey (customer_id)
      compound sortkey(transaction_at)
  ;
insert into "fct_sales__dbt_tmp<suffix>"
    (
    select sales_row_id, transaction_id, customer_id, product_id, batch_id, landed_file_name, quantity, amount, unit_price, transaction_date, ingest_date, transaction_at
    from (
<compiled code of model.ecom.fct_sales>
    ) as model_subq
    )
  ;
BEGIN;
/* dbt metadata query: columns of <temporary>.fct_sales__dbt_tmp<suffix> */;
/* dbt metadata query: columns of analytics_marts.fct_sales */;
-- back compat for old kwarg name
    merge into "dev"."analytics_marts"."fct_sales"
        using "fct_sales__dbt_tmp<suffix>" as DBT_INTERNAL_SOURCE
        on (
                DBT_INTERNAL_SOURCE.transaction_id = "dev"."analytics_marts"."fct_sales".transaction_id
            )
    when matched then update set
        "sales_row_id" = DBT_INTERNAL_SOURCE."sales_row_id",
        "transaction_id" = DBT_INTERNAL_SOURCE."transaction_id",
        "customer_id" = DBT_INTERNAL_SOURCE."customer_id",
        "product_id" = DBT_INTERNAL_SOURCE."product_id",
        "batch_id" = DBT_INTERNAL_SOURCE."batch_id",
        "landed_file_name" = DBT_INTERNAL_SOURCE."landed_file_name",
        "quantity" = DBT_INTERNAL_SOURCE."quantity",
        "amount" = DBT_INTERNAL_SOURCE."amount",
        "unit_price" = DBT_INTERNAL_SOURCE."unit_price",
        "transaction_date" = DBT_INTERNAL_SOURCE."transaction_date",
        "ingest_date" = DBT_INTERNAL_SOURCE."ingest_date",
        "transaction_at" = DBT_INTERNAL_SOURCE."transaction_at"
    when not matched then insert (
        "sales_row_id",
        "transaction_id",
        "customer_id",
        "product_id",
        "batch_id",
        "landed_file_name",
        "quantity",
        "amount",
        "unit_price",
        "transaction_date",
        "ingest_date",
        "transaction_at"
    )
    values (
        DBT_INTERNAL_SOURCE."sales_row_id",
        DBT_INTERNAL_SOURCE."transaction_id",
        DBT_INTERNAL_SOURCE."customer_id",
        DBT_INTERNAL_SOURCE."product_id",
        DBT_INTERNAL_SOURCE."batch_id",
        DBT_INTERNAL_SOURCE."landed_file_name",
        DBT_INTERNAL_SOURCE."quantity",
        DBT_INTERNAL_SOURCE."amount",
        DBT_INTERNAL_SOURCE."unit_price",
        DBT_INTERNAL_SOURCE."transaction_date",
        DBT_INTERNAL_SOURCE."ingest_date",
        DBT_INTERNAL_SOURCE."transaction_at"
    );
comment on table "dev"."analytics_marts"."fct_sales" is $dbt_comment_literal_block$One row per sales transaction that passed the quality rules (see int_sales_validated): exact duplicates collapsed, the latest valid version of a corrected transaction kept, unusable lines left out (they are in qa_rejected_sales with their reason). Transactions whose customer or product is not (yet) known are kept; dim_customers and dim_products carry an inferred member for them. Incremental, merged on transaction_id: each build re-merges the kept lines dated up to `sales_lookback_days` (dbt var, default 7) before the latest date already loaded, so late lines and corrections update their transaction in place; `dbt build --full-refresh` rebuilds it from every landed file and gives the same table.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.fct_sales */;
/* dbt metadata query: columns of analytics_marts.fct_sales */;
comment on column "dev"."analytics_marts"."fct_sales".sales_row_id is $dbt_comment_literal_block$The landed line this transaction's row was taken from (stg_shop__sales).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."fct_sales".transaction_id is $dbt_comment_literal_block$The shop's transaction id; one row per transaction in fct_sales.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."fct_sales".customer_id is $dbt_comment_literal_block$The shop's customer id (trimmed text), the durable key of a customer across all versions. Joins dim_customers (all versions share it).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."fct_sales".product_id is $dbt_comment_literal_block$The shop's product id (trimmed text). Joins dim_products.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."fct_sales".batch_id is $dbt_comment_literal_block$The ingest batch that landed the file: its UTC start time (`YYYYMMDDTHHMMSSffffffZ`), so batch
ids sort in landing order. Of the version kept.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."fct_sales".landed_file_name is $dbt_comment_literal_block$The lake object a row came from, `<batch>-<original file name>`, under
`landing/<source>/ingest_date=YYYY-MM-DD/`. Of the version kept.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."fct_sales".quantity is $dbt_comment_literal_block$Units sold (at least 1).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."fct_sales".amount is $dbt_comment_literal_block$Line total. Money in the shop currency as decimal(18,2): exact, never a float. Not negative.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."fct_sales".unit_price is $dbt_comment_literal_block$amount / quantity, rounded half up to cents.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."fct_sales".transaction_date is $dbt_comment_literal_block$Date of the sale (UTC). Joins dim_date.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."fct_sales".ingest_date is $dbt_comment_literal_block$The lake partition the file landed under: the UTC date of ingestion (not of the sale). Of the version kept.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."fct_sales".transaction_at is $dbt_comment_literal_block$Time of the sale (UTC).$dbt_comment_literal_block$;
COMMIT;

-- ---- model.ecom.int_customers_deduplicated
BEGIN;
create  table
    "dev"."analytics_intermediate"."int_customers_deduplicated__dbt_tmp"
  as (
<compiled code of model.ecom.int_customers_deduplicated>
  );
alter table "dev"."analytics_intermediate"."int_customers_deduplicated" rename to "int_customers_deduplicated__dbt_backup";
alter table "dev"."analytics_intermediate"."int_customers_deduplicated__dbt_tmp" rename to "int_customers_deduplicated";
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_intermediate"."int_customers_deduplicated__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.int_customers_validated
BEGIN;
create  table
    "dev"."analytics_intermediate"."int_customers_validated__dbt_tmp"
  as (
<compiled code of model.ecom.int_customers_validated>
  );
alter table "dev"."analytics_intermediate"."int_customers_validated" rename to "int_customers_validated__dbt_backup";
alter table "dev"."analytics_intermediate"."int_customers_validated__dbt_tmp" rename to "int_customers_validated";
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_intermediate"."int_customers_validated__dbt_backup" cascade;
COMMIT;
BEGIN;

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
create  table
    "dev"."analytics_intermediate"."int_sales_enriched__dbt_tmp"
  as (
<compiled code of model.ecom.int_sales_enriched>
  );
alter table "dev"."analytics_intermediate"."int_sales_enriched" rename to "int_sales_enriched__dbt_backup";
alter table "dev"."analytics_intermediate"."int_sales_enriched__dbt_tmp" rename to "int_sales_enriched";
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_intermediate"."int_sales_enriched__dbt_backup" cascade;
COMMIT;
BEGIN;

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
        "customer_id" = DBT_INTERNAL_SOURCE."customer_id",
        "product_id" = DBT_INTERNAL_SOURCE."product_id",
        "batch_id" = DBT_INTERNAL_SOURCE."batch_id",
        "landed_file_name" = DBT_INTERNAL_SOURCE."landed_file_name",
        "quantity_raw" = DBT_INTERNAL_SOURCE."quantity_raw",
        "amount_raw" = DBT_INTERNAL_SOURCE."amount_raw",
        "transaction_date_raw" = DBT_INTERNAL_SOURCE."transaction_date_raw",
        "reject_reason" = DBT_INTERNAL_SOURCE."reject_reason",
        "quantity" = DBT_INTERNAL_SOURCE."quantity",
        "amount" = DBT_INTERNAL_SOURCE."amount",
        "ingest_date" = DBT_INTERNAL_SOURCE."ingest_date",
        "transaction_at" = DBT_INTERNAL_SOURCE."transaction_at"
    when not matched then insert (
        "sales_row_id",
        "transaction_id",
        "customer_id",
        "product_id",
        "batch_id",
        "landed_file_name",
        "quantity_raw",
        "amount_raw",
        "transaction_date_raw",
        "reject_reason",
        "quantity",
        "amount",
        "ingest_date",
        "transaction_at"
    )
    values (
        DBT_INTERNAL_SOURCE."sales_row_id",
        DBT_INTERNAL_SOURCE."transaction_id",
        DBT_INTERNAL_SOURCE."customer_id",
        DBT_INTERNAL_SOURCE."product_id",
        DBT_INTERNAL_SOURCE."batch_id",
        DBT_INTERNAL_SOURCE."landed_file_name",
        DBT_INTERNAL_SOURCE."quantity_raw",
        DBT_INTERNAL_SOURCE."amount_raw",
        DBT_INTERNAL_SOURCE."transaction_date_raw",
        DBT_INTERNAL_SOURCE."reject_reason",
        DBT_INTERNAL_SOURCE."quantity",
        DBT_INTERNAL_SOURCE."amount",
        DBT_INTERNAL_SOURCE."ingest_date",
        DBT_INTERNAL_SOURCE."transaction_at"
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
 as is_read_in_full
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_qa"."qa_ingest_reconciliation__dbt_tmp"
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
    is_read_in_full boolean
    )
  ;
insert into "dev"."analytics_qa"."qa_ingest_reconciliation__dbt_tmp"
    (
    select reconciliation_id, entity, batch_id, landed_file_name, rows_landed, rows_used, rows_rejected, is_balanced, ingest_date, rows_received, rows_staged, rows_refused, is_read_in_full
    from (
<compiled code of model.ecom.qa_ingest_reconciliation>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_qa"."qa_ingest_reconciliation" rename to "qa_ingest_reconciliation__dbt_backup";
alter table "dev"."analytics_qa"."qa_ingest_reconciliation__dbt_tmp" rename to "qa_ingest_reconciliation";
comment on table "dev"."analytics_qa"."qa_ingest_reconciliation" is $dbt_comment_literal_block$One row per landed file of every feed (and so per ingest batch), with its rows accounted for twice over. rows_landed (read by staging from the file, 1:1 with it, plus the rows the ingest door refused from it) = rows_used + rows_rejected: used means in fct_sales for sales, and a usable row of int_products_validated / int_customers_validated (what the dimensions are built from) for the catalog and the customer pulls; rejected means in the qa_rejected_<entity> model (refused rows included). And rows_landed = rows_received, the rows the lake's manifest says the door read from the file, for every file the manifest lists as landed: a landed file staging never read (missing, or under a name staging's glob misses) is a row here with rows_staged 0. Each side is counted independently, so a row lost, counted twice, left in the incremental fct_sales after its file left the lake, or a file never read breaks the balance, and the tests on this model fail the build (tests/marts/quality/assert_every_landed_file_is_read_in_full.sql names the files).
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_qa.qa_ingest_reconciliation */;
/* dbt metadata query: columns of analytics_qa.qa_ingest_reconciliation */;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".reconciliation_id is $dbt_comment_literal_block$Key of the row, '<entity>|<landed_file_name>'.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".entity is $dbt_comment_literal_block$The feed.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".batch_id is $dbt_comment_literal_block$The ingest batch that landed the file: its UTC start time (`YYYYMMDDTHHMMSSffffffZ`), so batch
ids sort in landing order.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".landed_file_name is $dbt_comment_literal_block$The lake object a row came from, `<batch>-<original file name>`, under
`landing/<source>/ingest_date=YYYY-MM-DD/`.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_landed is $dbt_comment_literal_block$Rows of the file that reached the warehouse, rows_staged + rows_refused.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_used is $dbt_comment_literal_block$Rows of the file that the marts use.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_rejected is $dbt_comment_literal_block$Rows of the file in qa_rejected_<entity> (refused rows included).$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".is_balanced is $dbt_comment_literal_block$Every row of the file is accounted for: rows_landed = rows_used + rows_rejected and, for a file in the manifest, rows_landed = rows_received.
$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".ingest_date is $dbt_comment_literal_block$The lake partition the file landed under: the UTC date of ingestion (not of the sale).$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_received is $dbt_comment_literal_block$Rows the ingest door read from the file, per the lake's manifest (rows in the landed data file + rows refused); null when the manifest lists no landed file of this name.
$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_staged is $dbt_comment_literal_block$Rows of the file that staging read (stg_shop__<entity>).$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".rows_refused is $dbt_comment_literal_block$Rows the ingest door refused from the file (stg_lake__refused_rows); they never reached the landed file.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_ingest_reconciliation".is_read_in_full is $dbt_comment_literal_block$rows_landed = rows_received (staging read every row the door landed); null when the file is not in the manifest.$dbt_comment_literal_block$;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_qa"."qa_ingest_reconciliation__dbt_backup" cascade;
COMMIT;
BEGIN;

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
 as ingest_date
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
    ingest_date date
    )
  ;
insert into "dev"."analytics_qa"."qa_rejected_customers__dbt_tmp"
    (
    select customer_row_id, customer_id, batch_id, landed_file_name, reject_reason, reject_detail, customer_name, email, city, signup_date_raw, updated_at_raw, raw_row, line_number, ingest_date
    from (
<compiled code of model.ecom.qa_rejected_customers>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_qa"."qa_rejected_customers" rename to "qa_rejected_customers__dbt_backup";
alter table "dev"."analytics_qa"."qa_rejected_customers__dbt_tmp" rename to "qa_rejected_customers";
comment on table "dev"."analytics_qa"."qa_rejected_customers" is $dbt_comment_literal_block$Every customer record that arrived and cannot be used, with the reason code (seed reject_reasons, entity 'customers') and the values as received: records the ingest door refused (never landed: reason, detail, line number, raw record) and landed records the cleaning rules rejected (standardised: trimmed, e-mail lower-cased, city title-cased). Older pulls of a customer are history, not rejects.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_qa.qa_rejected_customers */;
/* dbt metadata query: columns of analytics_qa.qa_rejected_customers */;
comment on column "dev"."analytics_qa"."qa_rejected_customers".customer_row_id is $dbt_comment_literal_block$Surrogate key of the record (stg_shop__customers, or stg_lake__refused_rows for a refused record).$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".customer_id is $dbt_comment_literal_block$Customer id as received (trimmed); may be null.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".batch_id is $dbt_comment_literal_block$The ingest batch that landed the file: its UTC start time (`YYYYMMDDTHHMMSSffffffZ`), so batch
ids sort in landing order.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".landed_file_name is $dbt_comment_literal_block$The lake object a row came from, `<batch>-<original file name>`, under
`landing/<source>/ingest_date=YYYY-MM-DD/`.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".reject_reason is $dbt_comment_literal_block$Why the record is not used; a code of entity 'customers' in seed reject_reasons.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".reject_detail is $dbt_comment_literal_block$For a record refused at the ingest door, what exactly was wrong (the door's words); null for records rejected by the cleaning rules.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".customer_name is $dbt_comment_literal_block$Name as received (trimmed).$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".email is $dbt_comment_literal_block$E-mail as received, trimmed and lower-cased.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".city is $dbt_comment_literal_block$City, title-cased.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".signup_date_raw is $dbt_comment_literal_block$Signup date as received.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".updated_at_raw is $dbt_comment_literal_block$Last-change timestamp as received.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".raw_row is $dbt_comment_literal_block$For a record refused at the ingest door, the record as received (at most 1,000 characters); null for landed records, whose values are in the *_raw columns.
$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".line_number is $dbt_comment_literal_block$For a record refused at the ingest door, its line in the received file (1 = first line); null for records rejected by the cleaning rules.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_customers".ingest_date is $dbt_comment_literal_block$The lake partition the file landed under: the UTC date of ingestion (not of the sale).$dbt_comment_literal_block$;
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
 as ingest_date
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
    ingest_date date
    )
  ;
insert into "dev"."analytics_qa"."qa_rejected_products__dbt_tmp"
    (
    select product_row_id, product_id, batch_id, landed_file_name, reject_reason, reject_detail, product_name, category, list_price_raw, stock_quantity_raw, raw_row, line_number, ingest_date
    from (
<compiled code of model.ecom.qa_rejected_products>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_qa"."qa_rejected_products" rename to "qa_rejected_products__dbt_backup";
alter table "dev"."analytics_qa"."qa_rejected_products__dbt_tmp" rename to "qa_rejected_products";
comment on table "dev"."analytics_qa"."qa_rejected_products" is $dbt_comment_literal_block$Every catalog row that arrived and cannot be used, with the reason code (seed reject_reasons, entity 'products') and the values as received: rows the ingest door refused (never landed: reason, detail, line number, raw row) and landed rows the cleaning rules rejected. Older exports of a product are history, not rejects.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_qa.qa_rejected_products */;
/* dbt metadata query: columns of analytics_qa.qa_rejected_products */;
comment on column "dev"."analytics_qa"."qa_rejected_products".product_row_id is $dbt_comment_literal_block$Surrogate key of the row (stg_shop__products, or stg_lake__refused_rows for a refused row).$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".product_id is $dbt_comment_literal_block$Product id as received (trimmed); may be null.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".batch_id is $dbt_comment_literal_block$The ingest batch that landed the file: its UTC start time (`YYYYMMDDTHHMMSSffffffZ`), so batch
ids sort in landing order.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".landed_file_name is $dbt_comment_literal_block$The lake object a row came from, `<batch>-<original file name>`, under
`landing/<source>/ingest_date=YYYY-MM-DD/`.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".reject_reason is $dbt_comment_literal_block$Why the row is not used; a code of entity 'products' in seed reject_reasons.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".reject_detail is $dbt_comment_literal_block$For a row refused at the ingest door, what exactly was wrong (the door's words); null for rows rejected by the cleaning rules.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".product_name is $dbt_comment_literal_block$Name as received (trimmed).$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".category is $dbt_comment_literal_block$Category as received (trimmed).$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".list_price_raw is $dbt_comment_literal_block$Price as received.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".stock_quantity_raw is $dbt_comment_literal_block$Stock as received.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".raw_row is $dbt_comment_literal_block$For a row refused at the ingest door, the row as received (at most 1,000 characters); null for landed rows, whose values are in the *_raw columns.
$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".line_number is $dbt_comment_literal_block$For a row refused at the ingest door, its line in the received file (1 = first line); null for rows rejected by the cleaning rules.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_products".ingest_date is $dbt_comment_literal_block$The lake partition the file landed under: the UTC date of ingestion (not of the sale).$dbt_comment_literal_block$;
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
 as ingest_date
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_qa"."qa_rejected_sales__dbt_tmp"
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
    ingest_date date
    )
  ;
insert into "dev"."analytics_qa"."qa_rejected_sales__dbt_tmp"
    (
    select sales_row_id, transaction_id, customer_id, product_id, batch_id, landed_file_name, reject_reason, reject_detail, quantity_raw, amount_raw, transaction_date_raw, raw_row, line_number, ingest_date
    from (
<compiled code of model.ecom.qa_rejected_sales>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_qa"."qa_rejected_sales" rename to "qa_rejected_sales__dbt_backup";
alter table "dev"."analytics_qa"."qa_rejected_sales__dbt_tmp" rename to "qa_rejected_sales";
comment on table "dev"."analytics_qa"."qa_rejected_sales" is $dbt_comment_literal_block$Every sales line that arrived and is not in fct_sales, with the reason code (seed reject_reasons says what each means and what to do) and the raw values as received: lines the ingest door refused (they never landed: reason, detail, line number and raw line) and landed lines the cleaning rules rejected (raw values in the *_raw columns). Together with fct_sales it accounts for every line that arrived exactly once (qa_ingest_reconciliation).
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_qa.qa_rejected_sales */;
/* dbt metadata query: columns of analytics_qa.qa_rejected_sales */;
comment on column "dev"."analytics_qa"."qa_rejected_sales".sales_row_id is $dbt_comment_literal_block$Surrogate key of the line (stg_shop__sales, or stg_lake__refused_rows for a refused line).$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".transaction_id is $dbt_comment_literal_block$Transaction id as received (trimmed); may be null.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".customer_id is $dbt_comment_literal_block$Customer id as received (trimmed); may be null.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".product_id is $dbt_comment_literal_block$Product id as received (trimmed); may be null.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".batch_id is $dbt_comment_literal_block$The ingest batch that landed the file: its UTC start time (`YYYYMMDDTHHMMSSffffffZ`), so batch
ids sort in landing order.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".landed_file_name is $dbt_comment_literal_block$The lake object a row came from, `<batch>-<original file name>`, under
`landing/<source>/ingest_date=YYYY-MM-DD/`.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".reject_reason is $dbt_comment_literal_block$Why the line is not used; a code of entity 'sales' in seed reject_reasons.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".reject_detail is $dbt_comment_literal_block$For a line refused at the ingest door, what exactly was wrong (the door's words); null for lines rejected by the cleaning rules.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".quantity_raw is $dbt_comment_literal_block$Quantity as received.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".amount_raw is $dbt_comment_literal_block$Amount as received.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".transaction_date_raw is $dbt_comment_literal_block$Transaction timestamp as received.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".raw_row is $dbt_comment_literal_block$For a line refused at the ingest door, the line as received (at most 1,000 characters); null for landed lines, whose values are in the *_raw columns.
$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".line_number is $dbt_comment_literal_block$For a line refused at the ingest door, its line in the received file (1 = first line); null for lines rejected by the cleaning rules.$dbt_comment_literal_block$;
comment on column "dev"."analytics_qa"."qa_rejected_sales".ingest_date is $dbt_comment_literal_block$The lake partition the file landed under: the UTC date of ingestion (not of the sale).$dbt_comment_literal_block$;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_qa"."qa_rejected_sales__dbt_backup" cascade;
COMMIT;
BEGIN;

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
    select customer_id, customer_name, email, city, order_count, units_purchased, lifetime_value, avg_order_value, tenure_days, days_since_last_order, is_inferred, first_order_date, last_order_date, as_of_date
    from (
<compiled code of model.ecom.rpt_customer_lifetime_value>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."rpt_customer_lifetime_value" rename to "rpt_customer_lifetime_value__dbt_backup";
alter table "dev"."analytics_marts"."rpt_customer_lifetime_value__dbt_tmp" rename to "rpt_customer_lifetime_value";
comment on table "dev"."analytics_marts"."rpt_customer_lifetime_value" is $dbt_comment_literal_block$One row per customer who bought at least once: orders, units, lifetime value, first and last order and tenure, with the customer's current attributes (dim_customers, is_current). Day counts are as of the latest sales date in fct_sales (as_of_date).
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.rpt_customer_lifetime_value */;
/* dbt metadata query: columns of analytics_marts.rpt_customer_lifetime_value */;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".customer_id is $dbt_comment_literal_block$The shop's customer id (trimmed text), the durable key of a customer across all versions.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".customer_name is $dbt_comment_literal_block$Current name; 'Unknown customer' for an inferred member.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".email is $dbt_comment_literal_block$Current e-mail; null for an inferred member.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".city is $dbt_comment_literal_block$Current city; 'Unknown' for an inferred member.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".order_count is $dbt_comment_literal_block$Transactions in fct_sales (each transaction is one order).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".units_purchased is $dbt_comment_literal_block$Sum of quantity over all orders.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".lifetime_value is $dbt_comment_literal_block$Sum of amount over all orders. Money in the shop currency as decimal(18,2): exact, never a float.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".avg_order_value is $dbt_comment_literal_block$lifetime_value / order_count, rounded half up to cents.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".tenure_days is $dbt_comment_literal_block$Days from the first order to as_of_date (0 when the first order is on it).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".days_since_last_order is $dbt_comment_literal_block$Days from the last order to as_of_date; the recency of RFM.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".is_inferred is $dbt_comment_literal_block$True for an inferred member: a stand-in row for an id that sales reference but the feed
(customer API or catalog) has not delivered yet. Its attributes say 'Unknown'. Facts key on the
durable id, so when the record arrives the next build replaces the stand-in and every sale,
old or new, shows the real attributes: late-arriving dimension members are never dropped.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".first_order_date is $dbt_comment_literal_block$Date of the first transaction.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".last_order_date is $dbt_comment_literal_block$Date of the latest transaction.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_lifetime_value".as_of_date is $dbt_comment_literal_block$The latest transaction date in fct_sales. Measures "as of" use it instead of today, so the
same data always gives the same result.$dbt_comment_literal_block$;
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
comment on table "dev"."analytics_marts"."rpt_customer_segments" is $dbt_comment_literal_block$RFM segmentation of every customer in rpt_customer_lifetime_value. Recency (days since the last order, fewer is better), frequency (orders) and monetary value (lifetime value) are each scored 1..5 as tie-aware quintiles (macros/utils/tie_aware_quintile.sql): equal values share the quintile of their middle position, the worst value always scores 1 and the best 5, so equal values never get different scores. The named segment is the first rule that matches, in the order of the rfm_segments seed: champions, loyal_customers, potential_loyalists, new_customers, needs_attention, at_risk, hibernating, lost.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.rpt_customer_segments */;
/* dbt metadata query: columns of analytics_marts.rpt_customer_segments */;
comment on column "dev"."analytics_marts"."rpt_customer_segments".customer_id is $dbt_comment_literal_block$The shop's customer id (trimmed text), the durable key of a customer across all versions.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".segment_code is $dbt_comment_literal_block$The segment's code (see seed rfm_segments).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".segment_name is $dbt_comment_literal_block$The segment's display name from seed rfm_segments.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".customer_name is $dbt_comment_literal_block$Current name.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".city is $dbt_comment_literal_block$Current city.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".rfm_score is $dbt_comment_literal_block$The three scores as text, R then F then M, e.g. '545'.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".recency_score is $dbt_comment_literal_block$1..5, higher is more recent.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".frequency_score is $dbt_comment_literal_block$1..5, higher is more orders.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".monetary_score is $dbt_comment_literal_block$1..5, higher is more lifetime value.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".days_since_last_order is $dbt_comment_literal_block$The recency measure, in days before as_of_date.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".order_count is $dbt_comment_literal_block$The frequency measure.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".lifetime_value is $dbt_comment_literal_block$The monetary measure. Money in the shop currency as decimal(18,2): exact, never a float.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".is_inferred is $dbt_comment_literal_block$True for an inferred member: a stand-in row for an id that sales reference but the feed
(customer API or catalog) has not delivered yet. Its attributes say 'Unknown'. Facts key on the
durable id, so when the record arrives the next build replaces the stand-in and every sale,
old or new, shows the real attributes: late-arriving dimension members are never dropped.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_customer_segments".last_order_date is $dbt_comment_literal_block$Date of the latest transaction.$dbt_comment_literal_block$;
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
 as transaction_count,
    cast(null as decimal(18,2))
 as total_revenue,
    cast(null as decimal(18,2))
 as avg_order_value,
    cast(null as integer)
 as unique_customers,
    cast(null as integer)
 as new_customers,
    cast(null as integer)
 as returning_customers
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."rpt_daily_sales_summary__dbt_tmp"
  (
    sales_date date not null,
    transaction_count integer,
    total_revenue decimal(18,2),
    avg_order_value decimal(18,2),
    unique_customers integer,
    new_customers integer,
    returning_customers integer
    )
  ;
insert into "dev"."analytics_marts"."rpt_daily_sales_summary__dbt_tmp"
    (
    select sales_date, transaction_count, total_revenue, avg_order_value, unique_customers, new_customers, returning_customers
    from (
<compiled code of model.ecom.rpt_daily_sales_summary>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."rpt_daily_sales_summary" rename to "rpt_daily_sales_summary__dbt_backup";
alter table "dev"."analytics_marts"."rpt_daily_sales_summary__dbt_tmp" rename to "rpt_daily_sales_summary";
comment on table "dev"."analytics_marts"."rpt_daily_sales_summary" is $dbt_comment_literal_block$One row per day with sales in fct_sales: the day's headline numbers. A customer is new on the day of their first transaction in fct_sales and returning on every later day they buy.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.rpt_daily_sales_summary */;
/* dbt metadata query: columns of analytics_marts.rpt_daily_sales_summary */;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".sales_date is $dbt_comment_literal_block$The day (UTC).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".transaction_count is $dbt_comment_literal_block$Transactions that day.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".total_revenue is $dbt_comment_literal_block$Sum of amount that day. Money in the shop currency as decimal(18,2): exact, never a float.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".avg_order_value is $dbt_comment_literal_block$total_revenue / transaction_count, rounded half up to cents.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".unique_customers is $dbt_comment_literal_block$Distinct customers who bought that day.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".new_customers is $dbt_comment_literal_block$Customers whose first transaction in fct_sales is on this day.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_daily_sales_summary".returning_customers is $dbt_comment_literal_block$Customers who bought this day and also on an earlier day (unique_customers - new_customers).$dbt_comment_literal_block$;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."rpt_daily_sales_summary__dbt_backup" cascade;
COMMIT;
BEGIN;

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
comment on table "dev"."analytics_marts"."rpt_pipeline_runs" is $dbt_comment_literal_block$One row per run of the daily pipeline (`ecom run`, `ecom backfill`) from the lake's run log: status, exit code, step durations, files and rows in, rows rejected and dbt results, for the dashboard's pipeline health page. The build of a run shows that run as `running` with its ingest counts (its record is written just before dbt build) and every earlier run in its final state; a run's final status and dbt counts appear at the next build. A run left `running` by a kill shows as `interrupted` once a later run has started.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.rpt_pipeline_runs */;
/* dbt metadata query: columns of analytics_marts.rpt_pipeline_runs */;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".run_id is $dbt_comment_literal_block$Id of the run (its UTC start time); the batch id of the files it landed.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".command is $dbt_comment_literal_block$`run` or `backfill`.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".run_status is $dbt_comment_literal_block$succeeded, data_quarantined (succeeded, files refused), failed, running (this build's own run) or interrupted (killed: still running while a later run started).
$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".error_message is $dbt_comment_literal_block$Why the run failed, if it did.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".exit_code is $dbt_comment_literal_block$0 succeeded, 1 pipeline failed, 3 files quarantined; null while running.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".duration_seconds is $dbt_comment_literal_block$Wall-clock seconds of the run; null while running.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".ingest_seconds is $dbt_comment_literal_block$Seconds of the ingest step.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".dbt_build_seconds is $dbt_comment_literal_block$Seconds of dbt build, retries included; null until the run finished.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".report_seconds is $dbt_comment_literal_block$Seconds of the daily report export.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".files_received is $dbt_comment_literal_block$Files offered to the lake, including ones seen before.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".files_landed is $dbt_comment_literal_block$Files this run landed.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".files_quarantined is $dbt_comment_literal_block$Files refused (see quarantine/ in the lake).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".rows_landed is $dbt_comment_literal_block$Rows in the files this run landed.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".rows_rejected is $dbt_comment_literal_block$Rows of this run's files the cleaning rules rejected (qa_rejected_*).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".models_built is $dbt_comment_literal_block$Models, seeds and snapshots dbt built.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".models_failed is $dbt_comment_literal_block$Models, seeds and snapshots that errored.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".tests_passed is $dbt_comment_literal_block$Tests that passed.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".tests_warned is $dbt_comment_literal_block$Tests that warned.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".tests_failed is $dbt_comment_literal_block$Tests that failed or errored.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".reports_written is $dbt_comment_literal_block$Files of the daily report written (CSV and Parquet per table).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".is_successful is $dbt_comment_literal_block$Whether the run succeeded (with or without quarantined files).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".is_latest_run_of_day is $dbt_comment_literal_block$Whether this is the last run started for its run_date (the one whose report stands).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".run_date is $dbt_comment_literal_block$The day the run was for.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".started_at is $dbt_comment_literal_block$Start of the run (UTC).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_pipeline_runs".finished_at is $dbt_comment_literal_block$End of the run (UTC); null while running.$dbt_comment_literal_block$;
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
 as transaction_id,
    cast(null as varchar(65535))
 as customer_id,
    cast(null as varchar(65535))
 as product_id,
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
    transaction_id varchar(65535) not null,
    customer_id varchar(65535),
    product_id varchar(65535),
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
    select transaction_id, customer_id, product_id, customer_key, customer_name, city, product_name, category, quantity, unit_price, amount, is_customer_inferred, is_product_inferred, transaction_date, transaction_at
    from (
<compiled code of model.ecom.rpt_recent_transactions>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."rpt_recent_transactions" rename to "rpt_recent_transactions__dbt_backup";
alter table "dev"."analytics_marts"."rpt_recent_transactions__dbt_tmp" rename to "rpt_recent_transactions";
comment on table "dev"."analytics_marts"."rpt_recent_transactions" is $dbt_comment_literal_block$Every transaction of the last `recent_transactions_days` (dbt var, default 7) days up to and including the latest sales date, with the customer as they were at the time of the sale (the dim_customers version valid then) and the product's current attributes.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.rpt_recent_transactions */;
/* dbt metadata query: columns of analytics_marts.rpt_recent_transactions */;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".transaction_id is $dbt_comment_literal_block$The shop's transaction id; one row per transaction in fct_sales.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".customer_id is $dbt_comment_literal_block$The shop's customer id (trimmed text), the durable key of a customer across all versions.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".product_id is $dbt_comment_literal_block$The shop's product id (trimmed text).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".customer_key is $dbt_comment_literal_block$The dim_customers version valid at the time of the sale.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".customer_name is $dbt_comment_literal_block$The customer's name at the time of the sale.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".city is $dbt_comment_literal_block$The customer's city at the time of the sale.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".product_name is $dbt_comment_literal_block$Current product name.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".category is $dbt_comment_literal_block$Current product category.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".quantity is $dbt_comment_literal_block$Units sold.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".unit_price is $dbt_comment_literal_block$amount / quantity. Money in the shop currency as decimal(18,2): exact, never a float.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".amount is $dbt_comment_literal_block$Line total. Money in the shop currency as decimal(18,2): exact, never a float.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".is_customer_inferred is $dbt_comment_literal_block$True when the customer is an inferred member (not yet in the customer feed).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".is_product_inferred is $dbt_comment_literal_block$True when the product is an inferred member (not yet in the catalog).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".transaction_date is $dbt_comment_literal_block$Date of the sale (UTC).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_recent_transactions".transaction_at is $dbt_comment_literal_block$Time of the sale (UTC).$dbt_comment_literal_block$;
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
 as transaction_count,
    cast(null as integer)
 as units_sold,
    cast(null as integer)
 as unique_customers,
    cast(null as decimal(18,2))
 as revenue,
    cast(null as decimal(18,2))
 as revenue_share_pct,
    cast(null as date)
 as sales_date
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."rpt_sales_by_category__dbt_tmp"
  (
    category_day_id varchar(65535) not null,
    category varchar(65535),
    transaction_count integer,
    units_sold integer,
    unique_customers integer,
    revenue decimal(18,2),
    revenue_share_pct decimal(18,2),
    sales_date date
    )
  ;
insert into "dev"."analytics_marts"."rpt_sales_by_category__dbt_tmp"
    (
    select category_day_id, category, transaction_count, units_sold, unique_customers, revenue, revenue_share_pct, sales_date
    from (
<compiled code of model.ecom.rpt_sales_by_category>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."rpt_sales_by_category" rename to "rpt_sales_by_category__dbt_backup";
alter table "dev"."analytics_marts"."rpt_sales_by_category__dbt_tmp" rename to "rpt_sales_by_category";
comment on table "dev"."analytics_marts"."rpt_sales_by_category" is $dbt_comment_literal_block$One row per day and product category with sales: transactions, units, customers, revenue and the category's share of the day's revenue. The category is the product's current one; products not yet in the catalog count under 'Unknown'.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.rpt_sales_by_category */;
/* dbt metadata query: columns of analytics_marts.rpt_sales_by_category */;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".category_day_id is $dbt_comment_literal_block$Key of the row, '<sales_date>|<category>'.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".category is $dbt_comment_literal_block$Merchandising category.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".transaction_count is $dbt_comment_literal_block$Transactions in the category that day.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".units_sold is $dbt_comment_literal_block$Units sold in the category that day.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".unique_customers is $dbt_comment_literal_block$Distinct customers who bought in the category that day (do not add up across days or categories).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".revenue is $dbt_comment_literal_block$Revenue of the category that day. Money in the shop currency as decimal(18,2): exact, never a float.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".revenue_share_pct is $dbt_comment_literal_block$The category's share of the day's revenue in percent (0..100), rounded half up to two decimals.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_category".sales_date is $dbt_comment_literal_block$The day (UTC).$dbt_comment_literal_block$;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."rpt_sales_by_category__dbt_backup" cascade;
COMMIT;
BEGIN;

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
 as transaction_count,
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
    transaction_count integer,
    units_sold integer,
    revenue decimal(18,2),
    avg_transactions_per_day decimal(18,2),
    avg_revenue_per_day decimal(18,2)
    )
  ;
insert into "dev"."analytics_marts"."rpt_sales_by_weekday_hour__dbt_tmp"
    (
    select weekday_hour_id, day_name, day_of_week, hour_of_day, days_observed, transaction_count, units_sold, revenue, avg_transactions_per_day, avg_revenue_per_day
    from (
<compiled code of model.ecom.rpt_sales_by_weekday_hour>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."rpt_sales_by_weekday_hour" rename to "rpt_sales_by_weekday_hour__dbt_backup";
alter table "dev"."analytics_marts"."rpt_sales_by_weekday_hour__dbt_tmp" rename to "rpt_sales_by_weekday_hour";
comment on table "dev"."analytics_marts"."rpt_sales_by_weekday_hour" is $dbt_comment_literal_block$Sales by day of week and hour of day (UTC) for a heatmap: all 168 slots, zeros included, over every day from the first to the last sales date. Averages divide by how many of that weekday the range holds.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.rpt_sales_by_weekday_hour */;
/* dbt metadata query: columns of analytics_marts.rpt_sales_by_weekday_hour */;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".weekday_hour_id is $dbt_comment_literal_block$Slot number, (day_of_week - 1) * 24 + hour_of_day, 0 .. 167.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".day_name is $dbt_comment_literal_block$Monday .. Sunday.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".day_of_week is $dbt_comment_literal_block$ISO day of week, 1 = Monday .. 7 = Sunday.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".hour_of_day is $dbt_comment_literal_block$Hour of the day, 0 .. 23 (UTC).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".days_observed is $dbt_comment_literal_block$How many days with this weekday lie between the first and last sales date.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".transaction_count is $dbt_comment_literal_block$Transactions in the slot over the whole range.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".units_sold is $dbt_comment_literal_block$Units sold in the slot over the whole range.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".revenue is $dbt_comment_literal_block$Revenue in the slot over the whole range. Money in the shop currency as decimal(18,2): exact, never a float.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".avg_transactions_per_day is $dbt_comment_literal_block$transaction_count / days_observed, two decimals; null when no such weekday was observed.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_sales_by_weekday_hour".avg_revenue_per_day is $dbt_comment_literal_block$revenue / days_observed, rounded half up to cents; null when no such weekday was observed.$dbt_comment_literal_block$;
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
 as transaction_count,
    cast(null as integer)
 as units_sold,
    cast(null as decimal(18,2))
 as revenue,
    cast(null as date)
 as period_start_date,
    cast(null as date)
 as period_end_date
    ) as __dbt_sbq
    where false
    limit 0;
BEGIN;
create  table
    "dev"."analytics_marts"."rpt_top_products__dbt_tmp"
  (
    top_product_id varchar(65535) not null,
    product_id varchar(65535),
    period_type varchar(65535),
    product_name varchar(65535),
    category varchar(65535),
    revenue_rank integer,
    category_revenue_rank integer,
    transaction_count integer,
    units_sold integer,
    revenue decimal(18,2),
    period_start_date date,
    period_end_date date
    )
  ;
insert into "dev"."analytics_marts"."rpt_top_products__dbt_tmp"
    (
    select top_product_id, product_id, period_type, product_name, category, revenue_rank, category_revenue_rank, transaction_count, units_sold, revenue, period_start_date, period_end_date
    from (
        <compiled code of model.ecom.rpt_top_products>
    ) as model_subq
    )
  ;
alter table "dev"."analytics_marts"."rpt_top_products" rename to "rpt_top_products__dbt_backup";
alter table "dev"."analytics_marts"."rpt_top_products__dbt_tmp" rename to "rpt_top_products";
comment on table "dev"."analytics_marts"."rpt_top_products" is $dbt_comment_literal_block$Products ranked by revenue per day, per ISO week (Monday start) and per calendar month: one row per period and product that sold in it. revenue_rank ranks all products of the period, category_revenue_rank those of the same category; ties go to more units, then the lower product_id, so ranks are unique. Filter revenue_rank <= 10 for a top 10.
$dbt_comment_literal_block$;
/* dbt metadata query: columns of analytics_marts.rpt_top_products */;
/* dbt metadata query: columns of analytics_marts.rpt_top_products */;
comment on column "dev"."analytics_marts"."rpt_top_products".top_product_id is $dbt_comment_literal_block$Key of the row, '<period_type>|<period_start_date>|<product_id>'.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_top_products".product_id is $dbt_comment_literal_block$The shop's product id (trimmed text).$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_top_products".period_type is $dbt_comment_literal_block$The period grain.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_top_products".product_name is $dbt_comment_literal_block$Current product name.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_top_products".category is $dbt_comment_literal_block$Current category.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_top_products".revenue_rank is $dbt_comment_literal_block$1 = the period's highest revenue.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_top_products".category_revenue_rank is $dbt_comment_literal_block$Rank within the product's category in the period.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_top_products".transaction_count is $dbt_comment_literal_block$Transactions of the product in the period.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_top_products".units_sold is $dbt_comment_literal_block$Units of the product sold in the period.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_top_products".revenue is $dbt_comment_literal_block$Revenue of the product in the period. Money in the shop currency as decimal(18,2): exact, never a float.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_top_products".period_start_date is $dbt_comment_literal_block$First day of the period.$dbt_comment_literal_block$;
comment on column "dev"."analytics_marts"."rpt_top_products".period_end_date is $dbt_comment_literal_block$Last day of the period.$dbt_comment_literal_block$;
COMMIT;
BEGIN;
drop table if exists "dev"."analytics_marts"."rpt_top_products__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.stg_lake__landed_files
BEGIN;
create view "dev"."analytics_staging"."stg_lake__landed_files__dbt_tmp" as (
<compiled code of model.ecom.stg_lake__landed_files>
  ) ;
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
  ) ;
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
  ) ;
alter table "dev"."analytics_staging"."stg_ops__pipeline_runs" rename to "stg_ops__pipeline_runs__dbt_backup";
alter table "dev"."analytics_staging"."stg_ops__pipeline_runs__dbt_tmp" rename to "stg_ops__pipeline_runs";
COMMIT;
BEGIN;
drop view if exists "dev"."analytics_staging"."stg_ops__pipeline_runs__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.stg_shop__customers
BEGIN;
create view "dev"."analytics_staging"."stg_shop__customers__dbt_tmp" as (
    <compiled code of model.ecom.stg_shop__customers>
  ) ;
alter table "dev"."analytics_staging"."stg_shop__customers" rename to "stg_shop__customers__dbt_backup";
alter table "dev"."analytics_staging"."stg_shop__customers__dbt_tmp" rename to "stg_shop__customers";
COMMIT;
BEGIN;
drop view if exists "dev"."analytics_staging"."stg_shop__customers__dbt_backup" cascade;
COMMIT;
BEGIN;

-- ---- model.ecom.stg_shop__products
BEGIN;
create view "dev"."analytics_staging"."stg_shop__products__dbt_tmp" as (
    <compiled code of model.ecom.stg_shop__products>
  ) ;
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
insert into "dev"."analytics_staging"."stg_shop__sales" ("sales_row_id", "transaction_id", "customer_id", "product_id", "batch_id", "landed_file_name", "quantity_raw", "amount_raw", "transaction_date_raw", "quantity", "amount", "ingest_date", "transaction_at")
    (
        select "sales_row_id", "transaction_id", "customer_id", "product_id", "batch_id", "landed_file_name", "quantity_raw", "amount_raw", "transaction_date_raw", "quantity", "amount", "ingest_date", "transaction_at"
        from "stg_shop__sales__dbt_tmp<suffix>"
    );
COMMIT;
