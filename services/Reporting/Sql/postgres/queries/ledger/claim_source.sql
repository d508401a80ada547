-- One entry per source document, whatever number of times its event arrives.
INSERT INTO journal_entries (source_type, source_id, source_message_id, fund_id, value_date, description, posted_at, trace_id, posting_date, adjustment,
                             project_id, partner_id, base_currency, window_id, pledge_id)
VALUES (@SourceType, @SourceId, @SourceMessageId, @FundId, @ValueDate, @Description, @PostedAt, @TraceId, @PostingDate, @Adjustment,
        @ProjectId, @PartnerId, @BaseCurrency, @WindowId, @PledgeId)
ON CONFLICT (source_type, source_id) DO NOTHING
RETURNING entry_id;
