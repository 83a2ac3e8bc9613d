{#
    Every landed customer record with the one reason it cannot be used, or null when it is good.
    Each API pull is a full dump, so a customer normally appears once per pull; older pulls are
    history, not rejects. Rules, in order (the first that applies wins; seed reject_reasons):
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

copies_numbered as (

    select
        *,
        row_number() over (
            partition by
                landed_file_name, customer_id, customer_name, email, city,
                signup_date_raw, updated_at_raw
            order by customer_row_id
        ) as copy_number
    from customers

),

row_checked as (

    select
        *,
        case
            when copy_number > 1 then 'duplicate_row'
            when
                customer_id is null
                or customer_name is null
                or email is null
                or signup_date_raw is null
                or updated_at_raw is null
                then 'missing_required_field'
            when signup_date is null then 'unparseable_signup_date'
            when updated_at is null then 'unparseable_updated_at'
            when not {{ ecom.regexp_full_match('email', '[^@ ]+@[^@ ]+[.][^@ .]+') }}
                then 'invalid_email'
        end as row_reject_reason
    from copies_numbered

),

conflicts_counted as (

    select
        *,
        sum(case when row_reject_reason is null then 1 else 0 end) over (
            partition by landed_file_name, customer_id
        ) as usable_records_in_pull
    from row_checked

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
        coalesce(
            row_reject_reason,
            case when usable_records_in_pull > 1 then 'conflicting_duplicate_id' end
        ) as reject_reason,
        signup_date,
        ingest_date,
        updated_at
    from conflicts_counted

)

select * from final
