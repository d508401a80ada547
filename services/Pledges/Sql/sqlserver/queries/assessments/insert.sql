-- T-SQL: INSERT ... WHERE NOT EXISTS under UPDLOCK, HOLDLOCK in place of ON CONFLICT (fund_id, year, sequence) DO NOTHING.
INSERT INTO assessments (assessment_id, fund_id, year, sequence, budget, voluntary_deducted, assessed, currency, due_date, floor_rate,
                         ceiling_rate, ldc_ceiling_rate, reason, issued_by, issued_at, trace_id)
SELECT @AssessmentId, @FundId, @Year, @Sequence, @Budget, @VoluntaryDeducted, @Assessed, @Currency, @DueDate, @Floor,
       @Ceiling, @LdcCeiling, @Reason, @IssuedBy, @IssuedAt, @TraceId
WHERE NOT EXISTS (SELECT 1 FROM assessments WITH (UPDLOCK, HOLDLOCK) WHERE fund_id = @FundId AND year = @Year AND sequence = @Sequence);
