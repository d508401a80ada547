SELECT e.entry_id AS EntryId, e.source_type AS SourceType, e.source_id AS SourceId, e.fund_id AS FundId,
       e.value_date AS ValueDate, e.description AS Description, e.posted_at AS PostedAt, e.trace_id AS TraceId, e.posting_date AS PostingDate, e.adjustment AS Adjustment, e.project_id AS ProjectId, e.partner_id AS PartnerId,
       e.base_currency AS BaseCurrency, e.window_id AS WindowId, e.pledge_id AS PledgeId
FROM journal_entries e
WHERE e.source_type = @SourceType AND e.source_id = @SourceId;
