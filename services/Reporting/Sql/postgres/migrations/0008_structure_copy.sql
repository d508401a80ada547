-- Reporting's copy of each fund's structure (funds, windows, projects), from Earmarking's events: the names, partner and
-- status exports describe the ledger's figures with. No figure is ever taken from it. The highest version wins.
CREATE TABLE known_funds (
    fund_id        text        PRIMARY KEY,
    name           text        NOT NULL,
    base_currency  char(3)     NOT NULL,
    version        int         NOT NULL,
    changed_at     timestamptz NOT NULL
);

CREATE TABLE known_windows (
    fund_id     text        NOT NULL,
    window_id   text        NOT NULL,
    name        text        NOT NULL,
    status      text        NOT NULL,
    version     int         NOT NULL,
    changed_at  timestamptz NOT NULL,
    PRIMARY KEY (fund_id, window_id)
);

CREATE TABLE known_projects (
    fund_id       text        NOT NULL,
    project_id    text        NOT NULL,
    window_id     text        NOT NULL,
    name          text        NOT NULL,
    project_lead  text        NOT NULL,
    partner_id    text        NOT NULL,
    status        text        NOT NULL,
    version       int         NOT NULL,
    changed_at    timestamptz NOT NULL,
    PRIMARY KEY (fund_id, project_id)
);
