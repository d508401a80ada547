-- This service's own picture of the funds money has come into, learnt from events (never from another database).
-- T-SQL: text becomes nvarchar, bounded where it is a key; timestamptz datetimeoffset, uuid uniqueidentifier.
CREATE TABLE known_funds (
    fund_id            nvarchar(200)  NOT NULL,
    currency           char(3)        NOT NULL,
    contributions      int            NOT NULL CHECK (contributions >= 0),
    first_seen_at      datetimeoffset NOT NULL,
    last_seen_at       datetimeoffset NOT NULL,
    PRIMARY KEY (fund_id, currency)
);

-- Each contribution is counted once, even if its event arrives under two message ids.
CREATE TABLE counted_contributions (
    contribution_id  uniqueidentifier PRIMARY KEY,
    fund_id          nvarchar(200)    NOT NULL,
    counted_at       datetimeoffset   NOT NULL
);
