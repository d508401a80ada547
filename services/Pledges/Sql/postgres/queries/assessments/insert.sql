INSERT INTO assessments (assessment_id, fund_id, year, sequence, budget, voluntary_deducted, assessed, currency, due_date, floor_rate,
                         ceiling_rate, ldc_ceiling_rate, reason, issued_by, issued_at, trace_id)
VALUES (@AssessmentId, @FundId, @Year, @Sequence, @Budget, @VoluntaryDeducted, @Assessed, @Currency, @DueDate, @Floor,
        @Ceiling, @LdcCeiling, @Reason, @IssuedBy, @IssuedAt, @TraceId)
ON CONFLICT (fund_id, year, sequence) DO NOTHING;
