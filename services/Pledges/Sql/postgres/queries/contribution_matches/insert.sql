INSERT INTO contribution_matches (contribution_id, pledge_id, instalment_no, amount)
SELECT @ContributionId, @PledgeId, t.no, t.amount FROM unnest(@Nos::integer[], @Amounts::numeric[]) AS t(no, amount);
