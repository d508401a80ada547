SELECT version AS Version, changed_at AS ChangedAt, changed_by AS ChangedBy FROM fund_manager_sets WHERE fund_id = @FundId;
