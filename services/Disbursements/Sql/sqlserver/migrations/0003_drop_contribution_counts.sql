-- Disbursements learns funds from Earmarking's FundChanged (fund_copies); counting contributions per fund served
-- nothing any more and cost a transaction per contribution.
DROP TABLE counted_contributions;
DROP TABLE known_funds;
