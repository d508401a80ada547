-- T-SQL: INSERT ... WHERE NOT EXISTS under UPDLOCK, HOLDLOCK in place of ON CONFLICT (assessment_id) DO NOTHING.
INSERT INTO assessments (assessment_id, fund_id, year, sequence, budget, assessed, currency, due_date, issued_at)
SELECT @AssessmentId, @FundId, @Year, @Sequence, @Budget, @Assessed, @Currency, @DueDate, @IssuedAt
WHERE NOT EXISTS (SELECT 1 FROM assessments WITH (UPDLOCK, HOLDLOCK) WHERE assessment_id = @AssessmentId);
