-- Valid sales lines the incremental fct_sales did not merge because they arrived after the
-- lookback window (reported in qa_rejected_sales as outside_lookback_window).
select
    sales_row_id,
    transaction_id,
    landed_file_name
from {{ ref('qa_rejected_sales') }}
where reject_reason = 'outside_lookback_window'
