-- Removes a manager from a fund and bumps the fund's set version; nothing when not assigned.
WITH removed AS (
    DELETE FROM fund_managers WHERE fund_id = @FundId AND manager = @Manager RETURNING fund_id
)
UPDATE fund_manager_sets s SET version = s.version + 1, changed_at = @Now, changed_by = @Actor
FROM removed WHERE s.fund_id = removed.fund_id;
