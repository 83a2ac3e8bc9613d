{#
    Every customer record that arrived and cannot be used, with the reason: records the ingest
    door refused (stg_lake__refused_rows: never landed, so only the door's reason and detail,
    the line number and the raw record) and landed records with the rule
    int_customers_validated applied (macros/models/rejected_rows.sql).
    A table rebuilt by every build, not incremental: it is a small fraction of
    int_customers_validated (which appends each pull's verdicts, decided once), so rebuilding
    it costs little and needs no merge. refreshed_at is therefore the latest build's on every
    row.
#}
{{ ecom.rejected_rows(
    entity='customers',
    validated=ref('int_customers_validated'),
    refused=ref('stg_lake__refused_rows'),
    row_id='customer_row_id',
    ids=['customer_id'],
    fields=['customer_name', 'email', 'city', 'signup_date_raw', 'updated_at_raw'],
) }}
