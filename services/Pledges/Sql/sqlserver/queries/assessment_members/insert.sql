INSERT INTO assessment_members (assessment_id, member_id, scale_rate, least_developed, effective_rate, rate_limit, share, pledge_id)
VALUES (@AssessmentId, @MemberId, @ScaleRate, @LeastDeveloped, @EffectiveRate, @Limit, @Share, @PledgeId);
