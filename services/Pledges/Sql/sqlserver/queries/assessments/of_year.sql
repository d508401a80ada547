SELECT assessment_id AS AssessmentId, fund_id AS FundId, year AS Year, sequence AS Sequence, budget AS Budget,
       voluntary_deducted AS VoluntaryDeducted, assessed AS Assessed, currency AS Currency, due_date AS DueDate,
       floor_rate AS Floor, ceiling_rate AS Ceiling, ldc_ceiling_rate AS LdcCeiling, reason AS Reason, issued_by AS IssuedBy, issued_at AS IssuedAt
FROM assessments WHERE fund_id = @FundId AND year = @Year ORDER BY sequence;
