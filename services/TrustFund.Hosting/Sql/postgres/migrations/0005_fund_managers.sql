-- Who manages each fund. Earmarking keeps the assignments (fund managers assign one another there, audited);
-- every other service keeps a copy from Earmarking's FundManagersChanged events, the highest version winning.
-- A fund manager acts on, and reads the money of, only the funds listed here for them.
CREATE TABLE fund_managers (
    fund_id      text        NOT NULL,
    manager      text        NOT NULL,
    assigned_at  timestamptz NOT NULL,
    assigned_by  text        NOT NULL,
    PRIMARY KEY (fund_id, manager)
);
CREATE INDEX fund_managers_by_manager ON fund_managers (manager, fund_id);

-- The version of each fund's set of managers: one more per assignment or removal.
CREATE TABLE fund_manager_sets (
    fund_id     text        PRIMARY KEY,
    version     integer     NOT NULL,
    changed_at  timestamptz NOT NULL,
    changed_by  text        NOT NULL
);
