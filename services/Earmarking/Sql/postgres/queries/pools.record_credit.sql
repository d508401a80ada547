-- Claims the contribution first: a second event for the same contribution waits here, then finds it and stops.
INSERT INTO pool_credits (contribution_id, amount, value_date, credited_at, trace_id)
VALUES (@ContributionId, @Amount, @ValueDate, @CreditedAt, @TraceId)
ON CONFLICT (contribution_id) DO NOTHING;
