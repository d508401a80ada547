SELECT count(*) FROM journal_entries WHERE fund_id = @FundId;
