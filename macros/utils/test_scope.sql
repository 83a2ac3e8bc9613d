{#
    Test scope (docs/operating.md "Test scope"). A generic data test is scoped where its yml
    declares it, by a `where` config that calls one of the macros below, e.g.

        data_tests:
          - not_null:
              config:
                where: "{% raw %}{{ ecom.rows_of_latest_build() }}{% endraw %}"

    On a daily run (var test_scope: changed, the default) the macro keeps the rows the latest
    build of the tested model wrote; on a full sweep (test_scope: all: `ecom run --full-tests`,
    the weekly sweep, a full refresh) it keeps every row (`1 = 1`). A test's own condition
    stands beside it in the same `where`, AND-ed. A test without such a `where` checks every
    row. The yml's raw tags keep the call as text when dbt parses the yml (a yml config is
    rendered then, without the project's macros); get_where_subquery renders it when the test
    runs.
#}

{#
    dbt's get_where_subquery (ours is found first through dbt_project.yml's dispatch search
    order), with two differences: the `where` config is rendered when the test runs, so it can
    call macros, and the tested relation is aliased `scoped_rows`, the name the macros below
    give the tested row (their subqueries read the same table under other names).
#}
{% macro default__get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {%- if not where -%}
        {%- do return(relation) -%}
    {%- endif -%}
    {%- set filtered -%}
        (select * from {{ relation }} as scoped_rows where {{ render(where) }}) dbt_subquery
    {%- endset -%}
    {%- do return(filtered) -%}
{%- endmacro %}

{#
    For a test of rows (not_null, accepted_values, relationships: the new child rows, against
    every parent ...): the rows the latest build of the tested model wrote, those with its
    latest refreshed_at. A row without refreshed_at is always checked (its not_null test fails
    on it). On a full build every row has the latest refreshed_at.
#}
{% macro rows_of_latest_build() -%}
    {%- if not ecom.test_scope_is_changed() -%}
        {%- do return('1 = 1') -%}
    {%- endif -%}
    {%- do return(
        '(scoped_rows.refreshed_at = ' ~ ecom.latest_refreshed_at(ecom.tested_relation())
        ~ ' or scoped_rows.refreshed_at is null)'
    ) -%}
{%- endmacro %}

{#
    For a uniqueness test (unique, unique_combination_of_columns): the keys the rows of the
    latest build hold, checked against the whole table, so a new row that repeats an old row's
    key is caught. The keys are the test's own arguments.
    One key: a semi join whose build side is the changed rows (a correlated exists made DuckDB
    hash the whole table).
    Several keys: the rows whose first key a changed row holds. A repeat of a changed row's
    whole key holds its first key too, so the test's group by finds it among them; a correlated
    exists on every key made DuckDB hash the whole table.
    within: a column the key is derived from (a landed line's id hashes its file's name), so a
    repeat of a changed row's key can only be in a row with the same value there: the rows of
    the changed files are probed, not the whole history.
#}
{% macro keys_of_latest_build(within=none) -%}
    {%- set test = model.get('test_metadata') or {} -%}
    {%- set kwargs = test.get('kwargs', {}) -%}
    {%- if test.get('name') == 'unique' -%}
        {%- set keys = [kwargs.get('column_name')] -%}
    {%- elif test.get('name') == 'unique_combination_of_columns' -%}
        {%- set keys = kwargs.get('combination') -%}
    {%- else -%}
        {%- do exceptions.raise_compiler_error(
            'keys_of_latest_build() scopes a unique or unique_combination_of_columns test;'
            ~ ' rows_of_latest_build() scopes any other (' ~ model.get('name') ~ ')'
        ) -%}
    {%- endif -%}
    {%- if not ecom.test_scope_is_changed() -%}
        {%- do return('1 = 1') -%}
    {%- endif -%}
    {%- set relation = ecom.tested_relation() -%}
    {%- set condition = ecom.in_changed_rows(relation, keys[0]) -%}
    {%- if within -%}
        {%- set condition = ecom.in_changed_rows(relation, within) ~ ' and ' ~ condition -%}
    {%- endif -%}
    {%- do return(condition) -%}
{%- endmacro %}

{#
    For the tests of a view of the sales without refreshed_at of its own (int_sales_enriched):
    the sales of the days the latest build of `validated` (the name of the model that decides
    the sales lines, int_sales_validated) re-decided. Every test, unique included, over those
    days: all the rows of one sale are on its day, so a join that repeats a sale repeats it
    there. The view's day filter reaches fct_sales' scan.
#}
{% macro sales_of_days_changed_in(validated) -%}
    {%- if not ecom.test_scope_is_changed() -%}
        {%- do return('1 = 1') -%}
    {%- endif -%}
    {%- set node = graph.nodes.get('model.' ~ project_name ~ '.' ~ validated) -%}
    {%- if node is none -%}
        {%- do exceptions.raise_compiler_error(
            'sales_of_days_changed_in: no model ' ~ validated ~ ' (' ~ model.get('name') ~ ')'
        ) -%}
    {%- endif -%}
    {#- by its relation name: a generic test cannot ref() a model it does not test -#}
    {%- do return(ecom.in_changed_keys(
        'scoped_rows.transaction_date', ecom.sales_days_changed_last(node.relation_name)
    )) -%}
{%- endmacro %}

{#- True on a daily run (var test_scope: changed) while a test runs; false on a full sweep
    (test_scope: all) and while dbt parses. -#}
{% macro test_scope_is_changed() -%}
    {{- return(execute and var('test_scope', 'changed') == 'changed') -}}
{%- endmacro %}

{#- The relation the running generic test checks: its model, as the test's own ref resolves it. -#}
{% macro tested_relation() -%}
    {%- set tested = graph.nodes.get(model.get('attached_node') or '') -%}
    {%- if tested is none or tested.resource_type != 'model' -%}
        {%- do exceptions.raise_compiler_error(
            'a test scoped to the latest build must test a model (' ~ model.get('name') ~ ')'
        ) -%}
    {%- endif -%}
    {{- return(ref(tested.package_name, tested.name)) -}}
{%- endmacro %}

{#- The latest refreshed_at of `relation`, as a scalar subquery. -#}
{% macro latest_refreshed_at(relation) -%}
    {{- return('(select max(refreshed_at) from ' ~ relation ~ ')') -}}
{%- endmacro %}

{#
    `scoped_rows.<column> in (<that column of the rows the latest build of relation wrote>)`.
    The `is not null` (which changes no answer: a null never matches `in`) makes DuckDB
    estimate the changed rows as fewer than the scanned table and hash them; without it, it
    hashed the whole table (RIGHT_SEMI).
#}
{% macro in_changed_rows(relation, column) -%}
    {{- return(
        'scoped_rows.' ~ column ~ ' in (select changed_rows.' ~ column ~ ' from ' ~ relation
        ~ ' as changed_rows where changed_rows.refreshed_at = ' ~ ecom.latest_refreshed_at(relation)
        ~ ' and changed_rows.' ~ column ~ ' is not null)'
    ) -}}
{%- endmacro %}

{#
    For singular tests (tests/marts/**), which dbt does not pass through get_where_subquery:
    `expression in (keys_query)` on a daily run (test_scope: changed), so an invariant over
    history is proven for the keys the run changed; `1 = 1` on a full sweep. keys_query must
    return every key of a full build when every row is new (then the check is exact).
#}
{% macro in_changed_keys(expression, keys_query) -%}
    {%- if var('test_scope', 'changed') == 'changed' -%}
        {{ expression }} in ({{ keys_query }})
    {%- else -%}
        1 = 1
    {%- endif -%}
{%- endmacro %}

{#
    The days whose sales `validated` (int_sales_validated) re-decided in its latest build: the
    transaction dates of every line, old and new, of each transaction a newly landed line
    touched, including a day a corrected transaction moved away from. On a full build: every
    sale's day.
#}
{% macro sales_days_changed_last(validated) -%}
    select cast(transaction_at as date) as changed_day
    from {{ validated }}
    where
        refreshed_at = (select max(refreshed_at) from {{ validated }})
        and transaction_at is not null
{%- endmacro %}
