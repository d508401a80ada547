INSERT INTO funds (fund_id, name, base_currency, fee_rate, financing_model, two_approver_threshold, interest_to_core,
                   version, created_at, created_by, updated_at, updated_by)
VALUES (@FundId, @Name, @BaseCurrency, @FeeRate, @FinancingModel, @TwoApproverThreshold, @InterestToCore, 1, @Now, @Actor, @Now, @Actor)
ON CONFLICT (fund_id) DO NOTHING;
