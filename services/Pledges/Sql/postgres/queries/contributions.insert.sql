INSERT INTO contributions (contribution_id, donor_id, fund_id, earmark_kind, window_id, project_id,
                           amount, currency, value_date, recorded_at, recorded_by, trace_id)
VALUES (@ContributionId, @DonorId, @FundId, @EarmarkKind, @WindowId, @ProjectId,
        @Amount, @Currency, @ValueDate, @RecordedAt, @RecordedBy, @TraceId)
ON CONFLICT (contribution_id) DO NOTHING;
