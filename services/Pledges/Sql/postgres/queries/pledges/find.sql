-- One pledge, a donor's pledges, or a fund's, in the order they were made, only to the funds @FundIds names when given;
-- a page when @Limit is given: the one after @AfterId (the last pledge id of the page before).
SELECT pledge_id AS PledgeId, donor_id AS DonorId, fund_id AS FundId, earmark_kind AS EarmarkKind, window_id AS WindowId,
       project_id AS ProjectId, amount AS Amount, currency AS Currency, pledged_on AS PledgedOn, pledge_kind AS Kind,
       assessment_id AS AssessmentId, paid AS Paid, cancelled AS Cancelled, written_off AS WrittenOff, version AS Version,
       recorded_by AS RecordedBy, recorded_at AS RecordedAt
FROM pledges
WHERE (@PledgeId::uuid IS NULL OR pledge_id = @PledgeId)
  AND (@DonorId::text IS NULL OR donor_id = @DonorId)
  AND (@FundId::text IS NULL OR fund_id = @FundId)
  AND (@FundIds::text[] IS NULL OR fund_id = ANY (@FundIds::text[]))
  AND (@AfterId::uuid IS NULL OR (pledged_on, recorded_at, pledge_id) > (SELECT pledged_on, recorded_at, pledge_id FROM pledges WHERE pledge_id = @AfterId))
ORDER BY pledged_on, recorded_at, pledge_id
LIMIT @Limit::integer;
