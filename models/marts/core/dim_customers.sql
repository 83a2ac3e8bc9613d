{#
    Customers as SCD type 2, from the snapshot of the customer feed: one row per customer per
    version, valid on [valid_from, valid_to). The first version of each customer is back-dated
    to 1900-01-01 so every sale finds exactly one version at its time (a customer's earlier
    states were never seen); the current version runs to 9999-12-31 and has is_current = true.

    Late-arriving customers: for a customer id fct_sales references (listed once per customer
    by int_customer_orders) that the feed has not delivered yet, an inferred member
    (is_inferred = true, 'Unknown customer', one version over all time) stands in. fct_sales
    keys on the durable customer_id, so when the customer arrives the next build replaces the
    inferred row with the real version 1, which gets the same customer_key, and no fact row
    has to change.

    Guest checkouts: one guest member (customer_id var guest_customer_id, is_guest = true)
    stands for every sale without a customer id, so guest sales join like any other; a record
    of the customer feed with that id is not used (the id is reserved).
#}
with

customer_versions as (

    select * from {{ ref('snp_shop__customers') }}

),

buyers as (

    -- one row per customer id fct_sales references (its customer sums; reading fct_sales
    -- itself scanned every sale of the history for this list on every build)
    select * from {{ ref('int_customer_orders') }}

),

versions_numbered as (

    select
        *,
        row_number() over (
            partition by customer_id
            order by dbt_valid_from
        ) as version_number
    from customer_versions

),

known_versions as (

    select
        customer_id,
        customer_name,
        email,
        city,
        version_number,
        false as is_inferred,
        signup_date,
        case
            when version_number = 1
                then cast('1900-01-01 00:00:00' as {{ dbt.type_timestamp() }})
            else dbt_valid_from
        end as valid_from,
        coalesce(
            dbt_valid_to, cast('9999-12-31 00:00:00' as {{ dbt.type_timestamp() }})
        ) as valid_to,
        updated_at
    from versions_numbered
    where customer_id <> '{{ var('guest_customer_id') }}'

),

inferred_members as (

    select
        buyers.customer_id,
        'Unknown customer' as customer_name,
        cast(null as {{ dbt.type_string() }}) as email,
        'Unknown' as city,
        1 as version_number,
        true as is_inferred,
        cast(null as date) as signup_date,
        cast('1900-01-01 00:00:00' as {{ dbt.type_timestamp() }}) as valid_from,
        cast('9999-12-31 00:00:00' as {{ dbt.type_timestamp() }}) as valid_to,
        cast(null as {{ dbt.type_timestamp() }}) as updated_at
    from buyers
    left join customer_versions
        on buyers.customer_id = customer_versions.customer_id
    where
        customer_versions.customer_id is null
        and buyers.customer_id <> '{{ var('guest_customer_id') }}'

),

guest_member as (

    select
        '{{ var('guest_customer_id') }}' as customer_id,
        'Guest checkout' as customer_name,
        cast(null as {{ dbt.type_string() }}) as email,
        'Unknown' as city,
        1 as version_number,
        false as is_inferred,
        cast(null as date) as signup_date,
        cast('1900-01-01 00:00:00' as {{ dbt.type_timestamp() }}) as valid_from,
        cast('9999-12-31 00:00:00' as {{ dbt.type_timestamp() }}) as valid_to,
        cast(null as {{ dbt.type_timestamp() }}) as updated_at

),

unioned as (

    select
        *,
        false as is_guest
    from known_versions
    union all
    select
        *,
        false as is_guest
    from inferred_members
    union all
    select
        *,
        true as is_guest
    from guest_member

),

final as (

    select
        {{ dbt.hash(dbt.concat([
            'customer_id', "'|'", dbt.cast('version_number', dbt.type_string())
        ])) }} as customer_key,
        cast(customer_id as {{ dbt.type_string() }}) as customer_id,
        cast(customer_name as {{ dbt.type_string() }}) as customer_name,
        cast(email as {{ dbt.type_string() }}) as email,
        cast(city as {{ dbt.type_string() }}) as city,
        cast(version_number as integer) as version_number,
        valid_to = cast('9999-12-31 00:00:00' as {{ dbt.type_timestamp() }}) as is_current,
        is_inferred,
        is_guest,
        signup_date,
        cast(valid_from as {{ dbt.type_timestamp() }}) as valid_from,
        cast(valid_to as {{ dbt.type_timestamp() }}) as valid_to,
        cast(updated_at as {{ dbt.type_timestamp() }}) as updated_at
    from unioned

)

select * from final
