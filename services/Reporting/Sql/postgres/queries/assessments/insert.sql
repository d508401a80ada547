INSERT INTO assessments (assessment_id, fund_id, year, sequence, budget, assessed, currency, due_date, issued_at)
VALUES (@AssessmentId, @FundId, @Year, @Sequence, @Budget, @Assessed, @Currency, @DueDate, @IssuedAt)
ON CONFLICT (assessment_id) DO NOTHING;
