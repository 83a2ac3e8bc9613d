{#
    The rules every full-export feed (a customer pull, a catalog export: each file is the whole
    feed) shares, around the feed's own rules. Called with a block holding those rules as
    `when <condition> then '<reason>'` branches; selects every row of `relation` with
    `reject_reason`, the first rule that applies, or null when the row is usable:
      duplicate_row: an exact copy (same record_columns) of another row of the same file; the
        copy with the lowest row_id is kept
      <the caller's rules, in order>
      conflicting_duplicate_id: entity_id on more than one otherwise usable row of the same
        file; none of them is used
    Documented in _models__macros.yml.
#}
{% macro full_export_reject_reason(relation, entity_id, row_id, record_columns) %}
    select
        *,
        coalesce(
            row_reject_reason,
            case
                when sum(case when row_reject_reason is null then 1 else 0 end) over (
                    partition by landed_file_name, {{ entity_id }}
                ) > 1
                    then 'conflicting_duplicate_id'
            end
        ) as reject_reason
    from (
        select
            *,
            case
                when row_number() over (
                    partition by landed_file_name, {{ record_columns | join(', ') }}
                    order by {{ row_id }}
                ) > 1
                    then 'duplicate_row'
                {{ caller() }}
            end as row_reject_reason
        from {{ relation }}
    ) as row_checked
{%- endmacro %}

{#- True when any of the columns is null (a required field is missing). -#}
{% macro any_is_null(columns) %}
    ({{ columns | join(' is null or ') }} is null)
{%- endmacro %}
