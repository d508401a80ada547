-- T-SQL: UPDLOCK, ROWLOCK, HOLDLOCK in place of FOR UPDATE.
SELECT pledge_id AS PledgeId, fund_id AS FundId, donor_id AS DonorId, earmark_kind AS EarmarkKind, window_id AS WindowId, project_id AS ProjectId,
       currency AS Currency, base_currency AS BaseCurrency, rate AS Rate, kind AS Kind, assessment_id AS AssessmentId, pledged_on AS PledgedOn,
       pledged AS Pledged, paid AS Paid, cancelled AS Cancelled, written_off AS WrittenOff, outstanding AS Outstanding
FROM pledge_book WITH (UPDLOCK, ROWLOCK, HOLDLOCK) WHERE pledge_id = @PledgeId;
