-- A copy of a fund's whole set of managers, from an event: applied only when its version is newer than the one kept,
-- so duplicates and late arrivals change nothing.
WITH newer AS (
    INSERT INTO fund_manager_sets (fund_id, version, changed_at, changed_by)
    VALUES (@FundId, @Version, @ChangedAt, @ChangedBy)
    ON CONFLICT (fund_id) DO UPDATE
        SET version = EXCLUDED.version, changed_at = EXCLUDED.changed_at, changed_by = EXCLUDED.changed_by
        WHERE fund_manager_sets.version < EXCLUDED.version
    RETURNING fund_id
), gone AS (
    DELETE FROM fund_managers m USING newer
    WHERE m.fund_id = newer.fund_id AND NOT (m.manager = ANY (@Managers::text[]))
)
INSERT INTO fund_managers (fund_id, manager, assigned_at, assigned_by)
SELECT newer.fund_id, manager, @ChangedAt, @ChangedBy FROM newer, unnest(@Managers::text[]) AS manager
ON CONFLICT (fund_id, manager) DO NOTHING;
