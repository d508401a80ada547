SELECT contribution_id AS ContributionId, donor_id AS DonorId, fund_id AS FundId, earmark_kind AS EarmarkKind,
       window_id AS WindowId, project_id AS ProjectId, amount AS Amount, currency AS Currency,
       value_date AS ValueDate, recorded_at AS RecordedAt, recorded_by AS RecordedBy
FROM contributions
WHERE contribution_id = @ContributionId;
