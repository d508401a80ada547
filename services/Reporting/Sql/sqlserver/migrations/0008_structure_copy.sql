-- T-SQL: text is nvarchar (200 for identifiers, max for prose), timestamptz datetimeoffset, uuid uniqueidentifier,
-- boolean bit, numeric decimal with the same precision and scale, identity columns IDENTITY(1, 1).
-- Reporting's copy of each fund's structure (funds, windows, projects), from Earmarking's events: the names, partner and
-- status exports describe the ledger's figures with. No figure is ever taken from it. The highest version wins.
CREATE TABLE known_funds (
    fund_id        nvarchar(200)        PRIMARY KEY,
    name           nvarchar(max)        NOT NULL,
    base_currency  char(3)     NOT NULL,
    version        int         NOT NULL,
    changed_at     datetimeoffset NOT NULL
);

CREATE TABLE known_windows (
    fund_id     nvarchar(200)        NOT NULL,
    window_id   nvarchar(200)        NOT NULL,
    name        nvarchar(max)        NOT NULL,
    status      nvarchar(200)        NOT NULL,
    version     int         NOT NULL,
    changed_at  datetimeoffset NOT NULL,
    PRIMARY KEY (fund_id, window_id)
);

CREATE TABLE known_projects (
    fund_id       nvarchar(200)        NOT NULL,
    project_id    nvarchar(200)        NOT NULL,
    window_id     nvarchar(200)        NOT NULL,
    name          nvarchar(max)        NOT NULL,
    project_lead  nvarchar(200)        NOT NULL,
    partner_id    nvarchar(200)        NOT NULL,
    status        nvarchar(200)        NOT NULL,
    version       int         NOT NULL,
    changed_at    datetimeoffset NOT NULL,
    PRIMARY KEY (fund_id, project_id)
);
