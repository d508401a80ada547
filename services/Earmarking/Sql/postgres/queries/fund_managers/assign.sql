-- Assigns a manager to a fund and bumps the fund's set version; nothing when already assigned.
WITH added AS (
    INSERT INTO fund_managers (fund_id, manager, assigned_at, assigned_by)
    VALUES (@FundId, @Manager, @Now, @Actor)
    ON CONFLICT (fund_id, manager) DO NOTHING
    RETURNING fund_id
)
INSERT INTO fund_manager_sets (fund_id, version, changed_at, changed_by)
SELECT fund_id, 1, @Now, @Actor FROM added
ON CONFLICT (fund_id) DO UPDATE SET version = fund_manager_sets.version + 1, changed_at = EXCLUDED.changed_at, changed_by = EXCLUDED.changed_by;
