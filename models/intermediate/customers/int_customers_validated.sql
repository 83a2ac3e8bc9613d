{#
    Every landed customer record with the one reason it cannot be used, or null when it is good.
    Each API pull is a full dump, so a customer normally appears once per pull; older pulls are
    history, not rejects. Rules, in order (the first that applies wins; numbered as in seed
    reject_reasons, where 1-5 are the ingest door's reasons for rows refused before they
    landed; rules 6 and 12 are every full-export feed's, macros/models/full_export_reject_reason.sql):
      6. duplicate_row: an exact copy of another record in the same pull (one copy is kept)
      7. missing_required_field: customer_id, name, e-mail, signup_date or updated_at is empty
      8. unparseable_signup_date, 9. unparseable_updated_at
      10. updated_at_out_of_range: updated_at later than the day the pull landed (ingest_date)
          plus var max_days_after_landing (default 1). A record "changed" in the future would
          stay the customer's current record (latest updated_at wins) and hold the SCD2
          history open at that date.
      11. invalid_email
      12. conflicting_duplicate_id: the same customer_id more than once in one pull with
          different content; none of them is used (the previous pull's record stays current)
#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
    )
}}
{#
    Append-only: every rule compares a record only with records of its own pull (and its own
    ingest_date), so a pull's verdicts never change once decided, and a build decides only the
    records staged since this model's last build.
#}
with

customers as (

    select * from {{ ref('stg_shop__customers') }}
    {% if is_incremental() %}
        where refreshed_at > {{ ecom.last_refreshed_at(this) }}
    {% endif %}

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
        when
            cast(updated_at as date) > cast(
                {{ dbt.dateadd('day', var('max_days_after_landing'), 'ingest_date') }} as date
            )
            then 'updated_at_out_of_range'
        when not {{ ecom.regexp_full_match('email', '[^@ ]+@[^@ ]+[.][^@ .]+') }}
            then 'invalid_email'
    {% endcall %}

),

final as (

    -- the staged record with its verdict, decided by this build
    select
        {%- for column in [
            'customer_row_id', 'customer_id', 'batch_id', 'landed_file_name', 'customer_name',
            'email', 'city', 'signup_date_raw', 'updated_at_raw', 'reject_reason', 'signup_date',
            'ingest_date', 'updated_at',
        ] %}
        {{ column }},
        {%- endfor %}
        {{ ecom.run_started_timestamp() }} as refreshed_at
    from validated

)

select * from final
