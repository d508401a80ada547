-- T-SQL: INSERT ... WHERE NOT EXISTS under UPDLOCK, HOLDLOCK in place of ON CONFLICT (contribution_id) DO NOTHING.
INSERT INTO contributions (contribution_id, donor_id, fund_id, earmark_kind, window_id, project_id, amount, currency, value_date,
                           recorded_at, recorded_by, trace_id, pledge_id, bank_reference, exchange_rate, base_amount, base_currency,
                           unpledged_amount)
SELECT @ContributionId, @DonorId, @FundId, @EarmarkKind, @WindowId, @ProjectId, @Amount, @Currency, @ValueDate,
       @RecordedAt, @RecordedBy, @TraceId, @PledgeId, @BankReference, @ExchangeRate, @BaseAmount, @BaseCurrency,
       @UnpledgedAmount
WHERE NOT EXISTS (SELECT 1 FROM contributions WITH (UPDLOCK, HOLDLOCK) WHERE contribution_id = @ContributionId);
