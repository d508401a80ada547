INSERT INTO counted_contributions (contribution_id, fund_id, counted_at)
VALUES (@ContributionId, @FundId, @Now)
ON CONFLICT (contribution_id) DO NOTHING;
