SELECT count(*) FROM receipts WHERE contribution_id = @ContributionId;
