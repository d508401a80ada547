-- T-SQL: text is nvarchar (200 for identifiers, max for prose), timestamptz datetimeoffset, uuid uniqueidentifier,
-- boolean bit, numeric decimal with the same precision and scale, identity columns IDENTITY(1, 1);
-- columns added are used by the next batch (GO): T-SQL compiles a batch before it runs it;
-- ALTER COLUMN restates the type; a CHECK that compares two conditions is spelt out.
-- Multi-currency lines: every line also carries its amount in the fund's base currency. Lines in the base currency
-- have the same amount twice; a line in another currency (a pledge receivable in euros for a dollar fund, and the
-- currency position that balances it) carries its base value at the pledge's rate. An entry balances per currency
-- and in the base currency. A realised exchange difference is a base-currency line.
ALTER TABLE journal_lines ADD base_debit decimal(19,4) NULL;
ALTER TABLE journal_lines ADD base_credit decimal(19,4) NULL;
GO
UPDATE journal_lines SET base_debit = debit, base_credit = credit;
ALTER TABLE journal_lines ALTER COLUMN base_debit decimal(19,4) NOT NULL;
ALTER TABLE journal_lines ALTER COLUMN base_credit decimal(19,4) NOT NULL;
ALTER TABLE journal_lines ADD CONSTRAINT journal_lines_base_not_negative CHECK (base_debit >= 0 AND base_credit >= 0);
ALTER TABLE journal_lines DROP CONSTRAINT journal_lines_check;
ALTER TABLE journal_lines ADD CONSTRAINT journal_lines_one_side CHECK ((debit + base_debit = 0 AND credit + base_credit <> 0) OR (debit + base_debit <> 0 AND credit + base_credit = 0));

-- The earmark of the donor money a line concerns (unearmarked, window, project): the earmarking category of exports.
ALTER TABLE journal_lines ADD earmark_kind nvarchar(200) NULL
    CHECK (earmark_kind IS NULL OR earmark_kind IN ('unearmarked', 'window', 'project'));

ALTER TABLE journal_entries ADD base_currency char(3) NULL;
GO
UPDATE e SET base_currency = (SELECT MIN(l.currency) FROM journal_lines l WHERE l.entry_id = e.entry_id) FROM journal_entries e;
ALTER TABLE journal_entries ALTER COLUMN base_currency char(3) NOT NULL;
-- The window an earmarked contribution or pledge is for, and the pledge an entry concerns.
ALTER TABLE journal_entries ADD window_id nvarchar(200) NULL;
ALTER TABLE journal_entries ADD pledge_id uniqueidentifier NULL;
GO
CREATE INDEX journal_entries_pledge ON journal_entries (pledge_id) WHERE pledge_id IS NOT NULL;

-- What the ledger needs to know of each pledge to post its later events: who, what for, in which currency, at which
-- rate its receivable was booked, and how much of it is outstanding as the ledger has posted it. The base value of a
-- change is taken as the difference of the outstanding amount's base value before and after, so a settled pledge
-- leaves exactly nothing in the base currency either.
CREATE TABLE pledge_book (
    pledge_id      uniqueidentifier          PRIMARY KEY,
    fund_id        nvarchar(200)          NOT NULL,
    donor_id       nvarchar(200)          NOT NULL,
    earmark_kind   nvarchar(200)          NOT NULL,
    window_id      nvarchar(200)          NULL,
    project_id     nvarchar(200)          NULL,
    currency       char(3)       NOT NULL,
    base_currency  char(3)       NOT NULL,
    rate           decimal(19,8) NOT NULL CHECK (rate > 0),
    kind           nvarchar(200)          NOT NULL,
    assessment_id  uniqueidentifier          NULL,
    pledged_on     date          NOT NULL,
    pledged        decimal(19,4) NOT NULL,
    paid           decimal(19,4) NOT NULL DEFAULT 0,
    cancelled      decimal(19,4) NOT NULL DEFAULT 0,
    written_off    decimal(19,4) NOT NULL DEFAULT 0,
    outstanding    decimal(19,4) NOT NULL
);
CREATE INDEX pledge_book_fund ON pledge_book (fund_id, donor_id);

-- Each pledge's instalments as last scheduled, for the ageing of receivables. Payments and write-offs settle the
-- oldest instalments first, so a pledge's outstanding amount sits in its latest instalments.
CREATE TABLE pledge_book_instalments (
    pledge_id  uniqueidentifier          NOT NULL REFERENCES pledge_book (pledge_id),
    no         int           NOT NULL,
    due_date   date          NOT NULL,
    amount     decimal(19,4) NOT NULL,
    PRIMARY KEY (pledge_id, no)
);

-- Assessments issued, for the status of assessed contributions per member.
CREATE TABLE assessments (
    assessment_id  uniqueidentifier          PRIMARY KEY,
    fund_id        nvarchar(200)          NOT NULL,
    year           int           NOT NULL,
    sequence       int           NOT NULL,
    budget         decimal(19,4) NOT NULL,
    assessed       decimal(19,4) NOT NULL,
    currency       char(3)       NOT NULL,
    due_date       date          NOT NULL,
    issued_at      datetimeoffset   NOT NULL
);
