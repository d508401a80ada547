-- Voluntary money pledged to a fund's core for a year, in one currency, less what was cancelled or written off.
-- T-SQL: DATEFROMPARTS in place of make_date.
SELECT COALESCE(SUM(amount - cancelled - written_off), 0) FROM pledges
WHERE fund_id = @FundId AND pledge_kind = 'voluntary' AND earmark_kind = 'unearmarked' AND currency = @Currency
  AND pledged_on >= DATEFROMPARTS(@Year, 1, 1) AND pledged_on < DATEFROMPARTS(@Year + 1, 1, 1);
