-- One entry per source document, whatever number of times its event arrives.
-- T-SQL: INSERT ... WHERE NOT EXISTS under UPDLOCK, HOLDLOCK in place of ON CONFLICT DO NOTHING, and OUTPUT ... INTO a
-- table variable in place of RETURNING (the table has a trigger, which forbids a bare OUTPUT): no row when the source
-- was posted already.
SET NOCOUNT ON;
DECLARE @new TABLE (entry_id bigint NOT NULL);
INSERT INTO journal_entries (source_type, source_id, source_message_id, fund_id, value_date, description, posted_at, trace_id, posting_date, adjustment,
                             project_id, partner_id, base_currency, window_id, pledge_id)
OUTPUT inserted.entry_id INTO @new (entry_id)
SELECT @SourceType, @SourceId, @SourceMessageId, @FundId, @ValueDate, @Description, @PostedAt, @TraceId, @PostingDate, @Adjustment,
       @ProjectId, @PartnerId, @BaseCurrency, @WindowId, @PledgeId
WHERE NOT EXISTS (SELECT 1 FROM journal_entries WITH (UPDLOCK, HOLDLOCK) WHERE source_type = @SourceType AND source_id = @SourceId);
SELECT entry_id FROM @new;
