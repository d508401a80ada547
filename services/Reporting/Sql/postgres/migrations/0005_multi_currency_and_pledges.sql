-- Multi-currency lines: every line also carries its amount in the fund's base currency. Lines in the base currency
-- have the same amount twice; a line in another currency (a pledge receivable in euros for a dollar fund, and the
-- currency position that balances it) carries its base value at the pledge's rate. An entry balances per currency
-- and in the base currency. A realised exchange difference is a base-currency line.
ALTER TABLE journal_lines ADD COLUMN base_debit numeric(19,4) NULL;
ALTER TABLE journal_lines ADD COLUMN base_credit numeric(19,4) NULL;
UPDATE journal_lines SET base_debit = debit, base_credit = credit;
ALTER TABLE journal_lines ALTER COLUMN base_debit SET NOT NULL;
ALTER TABLE journal_lines ALTER COLUMN base_credit SET NOT NULL;
ALTER TABLE journal_lines ADD CONSTRAINT journal_lines_base_not_negative CHECK (base_debit >= 0 AND base_credit >= 0);
ALTER TABLE journal_lines DROP CONSTRAINT journal_lines_check;
ALTER TABLE journal_lines ADD CONSTRAINT journal_lines_one_side CHECK ((debit + base_debit = 0) <> (credit + base_credit = 0));

-- The earmark of the donor money a line concerns (unearmarked, window, project): the earmarking category of exports.
ALTER TABLE journal_lines ADD COLUMN earmark_kind text NULL
    CHECK (earmark_kind IS NULL OR earmark_kind IN ('unearmarked', 'window', 'project'));

ALTER TABLE journal_entries ADD COLUMN base_currency char(3) NULL;
UPDATE journal_entries e SET base_currency = (SELECT min(l.currency) FROM journal_lines l WHERE l.entry_id = e.entry_id);
ALTER TABLE journal_entries ALTER COLUMN base_currency SET NOT NULL;
-- The window an earmarked contribution or pledge is for, and the pledge an entry concerns.
ALTER TABLE journal_entries ADD COLUMN window_id text NULL;
ALTER TABLE journal_entries ADD COLUMN pledge_id uuid NULL;
CREATE INDEX journal_entries_pledge ON journal_entries (pledge_id) WHERE pledge_id IS NOT NULL;

-- What the ledger needs to know of each pledge to post its later events: who, what for, in which currency, at which
-- rate its receivable was booked, and how much of it is outstanding as the ledger has posted it. The base value of a
-- change is taken as the difference of the outstanding amount's base value before and after, so a settled pledge
-- leaves exactly nothing in the base currency either.
CREATE TABLE pledge_book (
    pledge_id      uuid          PRIMARY KEY,
    fund_id        text          NOT NULL,
    donor_id       text          NOT NULL,
    earmark_kind   text          NOT NULL,
    window_id      text          NULL,
    project_id     text          NULL,
    currency       char(3)       NOT NULL,
    base_currency  char(3)       NOT NULL,
    rate           numeric(19,8) NOT NULL CHECK (rate > 0),
    kind           text          NOT NULL,
    assessment_id  uuid          NULL,
    pledged_on     date          NOT NULL,
    pledged        numeric(19,4) NOT NULL,
    paid           numeric(19,4) NOT NULL DEFAULT 0,
    cancelled      numeric(19,4) NOT NULL DEFAULT 0,
    written_off    numeric(19,4) NOT NULL DEFAULT 0,
    outstanding    numeric(19,4) NOT NULL
);
CREATE INDEX pledge_book_fund ON pledge_book (fund_id, donor_id);

-- Each pledge's instalments as last scheduled, for the ageing of receivables. Payments and write-offs settle the
-- oldest instalments first, so a pledge's outstanding amount sits in its latest instalments.
CREATE TABLE pledge_book_instalments (
    pledge_id  uuid          NOT NULL REFERENCES pledge_book (pledge_id),
    no         int           NOT NULL,
    due_date   date          NOT NULL,
    amount     numeric(19,4) NOT NULL,
    PRIMARY KEY (pledge_id, no)
);

-- Assessments issued, for the status of assessed contributions per member.
CREATE TABLE assessments (
    assessment_id  uuid          PRIMARY KEY,
    fund_id        text          NOT NULL,
    year           int           NOT NULL,
    sequence       int           NOT NULL,
    budget         numeric(19,4) NOT NULL,
    assessed       numeric(19,4) NOT NULL,
    currency       char(3)       NOT NULL,
    due_date       date          NOT NULL,
    issued_at      timestamptz   NOT NULL
);
