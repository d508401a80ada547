INSERT INTO receipts (contribution_id, fund_id, donor_id, earmark_kind, window_id, project_id, amount, currency, base_amount,
                      base_currency, fee, net, pool_id, lot_id, suspense_reason, value_date, received_at, trace_id)
VALUES (@ContributionId, @FundId, @DonorId, @EarmarkKind, @WindowId, @ProjectId, @Amount, @Currency, @BaseAmount,
        @BaseCurrency, @Fee, @Net, @PoolId, @LotId, @SuspenseReason, @ValueDate, @ReceivedAt, @TraceId);
