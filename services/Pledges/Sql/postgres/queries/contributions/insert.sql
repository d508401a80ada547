INSERT INTO contributions (contribution_id, donor_id, fund_id, earmark_kind, window_id, project_id, amount, currency, value_date,
                           recorded_at, recorded_by, trace_id, pledge_id, bank_reference, exchange_rate, base_amount, base_currency,
                           unpledged_amount)
VALUES (@ContributionId, @DonorId, @FundId, @EarmarkKind, @WindowId, @ProjectId, @Amount, @Currency, @ValueDate,
        @RecordedAt, @RecordedBy, @TraceId, @PledgeId, @BankReference, @ExchangeRate, @BaseAmount, @BaseCurrency,
        @UnpledgedAmount)
ON CONFLICT (contribution_id) DO NOTHING;
