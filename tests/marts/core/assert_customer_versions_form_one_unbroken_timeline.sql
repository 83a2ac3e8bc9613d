-- Per customer: version 1 starts at 1900-01-01, each next version starts where the previous
-- one ends, the last runs to 9999-12-31, and exactly that last one is current.
with

versions as (

    select
        customer_id,
        version_number,
        is_current,
        valid_from,
        valid_to,
        lead(valid_from) over (
            partition by customer_id order by version_number
        ) as next_valid_from,
        max(version_number) over (partition by customer_id) as last_version_number
    from {{ ref('dim_customers') }}

)

select *
from versions
where
    valid_from >= valid_to
    or (
        version_number = 1
        and valid_from != cast('1900-01-01 00:00:00' as {{ dbt.type_timestamp() }})
    )
    or (version_number < last_version_number and valid_to != next_valid_from)
    or (
        version_number = last_version_number
        and valid_to != cast('9999-12-31 00:00:00' as {{ dbt.type_timestamp() }})
    )
    or is_current != (version_number = last_version_number)
