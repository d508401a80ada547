-- T-SQL: INSERT ... WHERE NOT EXISTS under UPDLOCK, HOLDLOCK in place of ON CONFLICT (fund_id) DO NOTHING.
INSERT INTO funds (fund_id, name, base_currency, fee_rate, financing_model, two_approver_threshold, interest_to_core,
                   version, created_at, created_by, updated_at, updated_by)
SELECT @FundId, @Name, @BaseCurrency, @FeeRate, @FinancingModel, @TwoApproverThreshold, @InterestToCore, 1, @Now, @Actor, @Now, @Actor
WHERE NOT EXISTS (SELECT 1 FROM funds WITH (UPDLOCK, HOLDLOCK) WHERE fund_id = @FundId);
