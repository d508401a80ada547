-- Every member's assessed shares for a fund's year, with what its assessed pledges have had paid, cancelled or written off.
SELECT m.member_id AS MemberId, a.sequence AS Sequence, m.scale_rate AS ScaleRate, m.least_developed AS LeastDeveloped,
       m.effective_rate AS EffectiveRate, m.share AS Share, a.currency AS Currency, coalesce(p.paid, 0) AS Paid,
       coalesce(p.cancelled + p.written_off, 0) AS Settled, m.pledge_id AS PledgeId
FROM assessment_members m
JOIN assessments a ON a.assessment_id = m.assessment_id
LEFT JOIN pledges p ON p.pledge_id = m.pledge_id
WHERE a.fund_id = @FundId AND a.year = @Year
ORDER BY m.member_id, a.sequence;
