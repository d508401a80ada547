-- Who manages each fund. Earmarking keeps the assignments (fund managers assign one another there, audited);
-- every other service keeps a copy from Earmarking's FundManagersChanged events, the highest version winning.
-- A fund manager acts on, and reads the money of, only the funds listed here for them.
-- T-SQL: fund ids are at most 64 characters; subjects are bounded so the keys stay indexable.
CREATE TABLE fund_managers (
    fund_id      nvarchar(64)   NOT NULL,
    manager      nvarchar(190)  NOT NULL,
    assigned_at  datetimeoffset NOT NULL,
    assigned_by  nvarchar(190)  NOT NULL,
    PRIMARY KEY (fund_id, manager)
);
CREATE INDEX fund_managers_by_manager ON fund_managers (manager, fund_id);

-- The version of each fund's set of managers: one more per assignment or removal.
CREATE TABLE fund_manager_sets (
    fund_id     nvarchar(64)   NOT NULL PRIMARY KEY,
    version     int            NOT NULL,
    changed_at  datetimeoffset NOT NULL,
    changed_by  nvarchar(190)  NOT NULL
);
