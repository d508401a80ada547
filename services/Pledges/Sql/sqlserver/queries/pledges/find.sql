-- One pledge, a donor's pledges, or a fund's, in the order they were made, only to the funds @FundIds names when given;
-- a page when @Limit is given: the one after @AfterId (the last pledge id of the page before).
-- T-SQL: @FundIds is a JSON array (Database.List) read with OPENJSON; the row comparison is spelt out; TOP in place of
-- LIMIT (a null @Limit means every row).
SELECT TOP (COALESCE(@Limit, 2147483647))
       pledge_id AS PledgeId, donor_id AS DonorId, fund_id AS FundId, earmark_kind AS EarmarkKind, window_id AS WindowId,
       project_id AS ProjectId, amount AS Amount, currency AS Currency, pledged_on AS PledgedOn, pledge_kind AS Kind,
       assessment_id AS AssessmentId, paid AS Paid, cancelled AS Cancelled, written_off AS WrittenOff, version AS Version,
       recorded_by AS RecordedBy, recorded_at AS RecordedAt
FROM pledges p
WHERE (@PledgeId IS NULL OR pledge_id = @PledgeId)
  AND (@DonorId IS NULL OR donor_id = @DonorId)
  AND (@FundId IS NULL OR fund_id = @FundId)
  AND (@FundIds IS NULL OR fund_id IN (SELECT CAST([value] AS nvarchar(200)) FROM OPENJSON(@FundIds)))
  AND (@AfterId IS NULL OR EXISTS (SELECT 1 FROM pledges a WHERE a.pledge_id = @AfterId
        AND (p.pledged_on > a.pledged_on
             OR (p.pledged_on = a.pledged_on AND p.recorded_at > a.recorded_at)
             OR (p.pledged_on = a.pledged_on AND p.recorded_at = a.recorded_at AND p.pledge_id > a.pledge_id))))
ORDER BY pledged_on, recorded_at, pledge_id;
