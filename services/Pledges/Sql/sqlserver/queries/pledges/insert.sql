-- T-SQL: INSERT ... WHERE NOT EXISTS under UPDLOCK, HOLDLOCK in place of ON CONFLICT (pledge_id) DO NOTHING.
INSERT INTO pledges (pledge_id, donor_id, fund_id, earmark_kind, window_id, project_id, amount, currency, pledged_on, pledge_kind,
                     assessment_id, version, recorded_by, recorded_at, trace_id)
SELECT @PledgeId, @DonorId, @FundId, @EarmarkKind, @WindowId, @ProjectId, @Amount, @Currency, @PledgedOn, @Kind,
       @AssessmentId, 1, @RecordedBy, @RecordedAt, @TraceId
WHERE NOT EXISTS (SELECT 1 FROM pledges WITH (UPDLOCK, HOLDLOCK) WHERE pledge_id = @PledgeId);
