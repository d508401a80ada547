-- A pledge enters the book once, whatever number of times its event arrives.
-- T-SQL: INSERT ... WHERE NOT EXISTS under UPDLOCK, HOLDLOCK in place of ON CONFLICT (pledge_id) DO NOTHING.
INSERT INTO pledge_book (pledge_id, fund_id, donor_id, earmark_kind, window_id, project_id, currency, base_currency, rate, kind, assessment_id, pledged_on,
                         pledged, paid, cancelled, written_off, outstanding)
SELECT @PledgeId, @FundId, @DonorId, @EarmarkKind, @WindowId, @ProjectId, @Currency, @BaseCurrency, @Rate, @Kind, @AssessmentId, @PledgedOn,
       @Pledged, @Paid, @Cancelled, @WrittenOff, @Outstanding
WHERE NOT EXISTS (SELECT 1 FROM pledge_book WITH (UPDLOCK, HOLDLOCK) WHERE pledge_id = @PledgeId);
