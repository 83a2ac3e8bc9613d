{#
    Every landed customer record with the one reason it cannot be used, or null when it is good.
    Each API pull is a full dump, so a customer normally appears once per pull; older pulls are
    history, not rejects. Rules, in order (the first that applies wins; seed reject_reasons;
    rules 1 and 6 are every full-export feed's, macros/models/full_export_reject_reason.sql):
      1. duplicate_row: an exact copy of another record in the same pull (one copy is kept)
      2. missing_required_field: customer_id, name, e-mail, signup_date or updated_at is empty
      3. unparseable_signup_date, 4. unparseable_updated_at, 5. invalid_email
      6. conflicting_duplicate_id: the same customer_id more than once in one pull with
         different content; none of them is used (the previous pull's record stays current)
#}
with

customers as (

    select * from {{ ref('stg_shop__customers') }}

),

validated as (

    {% call ecom.full_export_reject_reason(
        'customers',
        entity_id='customer_id',
        row_id='customer_row_id',
        record_columns=[
            'customer_id', 'customer_name', 'email', 'city', 'signup_date_raw', 'updated_at_raw',
        ],
    ) %}
        when {{ ecom.any_is_null([
            'customer_id', 'customer_name', 'email', 'signup_date_raw', 'updated_at_raw',
        ]) }}
            then 'missing_required_field'
        when signup_date is null then 'unparseable_signup_date'
        when updated_at is null then 'unparseable_updated_at'
        when not {{ ecom.regexp_full_match('email', '[^@ ]+@[^@ ]+[.][^@ .]+') }}
            then 'invalid_email'
    {% endcall %}

),

final as (

    select
        customer_row_id,
        customer_id,
        batch_id,
        landed_file_name,
        customer_name,
        email,
        city,
        signup_date_raw,
        updated_at_raw,
        reject_reason,
        signup_date,
        ingest_date,
        updated_at
    from validated

)

select * from final
