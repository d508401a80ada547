SELECT contribution_id AS ContributionId, donor_id AS DonorId, fund_id AS FundId, earmark_kind AS EarmarkKind,
       window_id AS WindowId, project_id AS ProjectId, amount AS Amount, currency AS Currency,
       value_date AS ValueDate, recorded_at AS RecordedAt, recorded_by AS RecordedBy, pledge_id AS PledgeId,
       bank_reference AS BankReference, exchange_rate AS ExchangeRate, base_amount AS BaseAmount, base_currency AS BaseCurrency,
       unpledged_amount AS UnpledgedAmount
FROM contributions
WHERE contribution_id = @ContributionId;
