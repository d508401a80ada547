-- This service's own picture of the funds money has come into, learnt from events (never from another database).
CREATE TABLE known_funds (
    fund_id            text        NOT NULL,
    currency           char(3)     NOT NULL,
    contributions      int         NOT NULL CHECK (contributions >= 0),
    first_seen_at      timestamptz NOT NULL,
    last_seen_at       timestamptz NOT NULL,
    PRIMARY KEY (fund_id, currency)
);

-- Each contribution is counted once, even if its event arrives under two message ids.
CREATE TABLE counted_contributions (
    contribution_id  uuid        PRIMARY KEY,
    fund_id          text        NOT NULL,
    counted_at       timestamptz NOT NULL
);
