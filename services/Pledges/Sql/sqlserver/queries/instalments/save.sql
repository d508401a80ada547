-- T-SQL: the schedule's columns are JSON arrays (Database.List) of one length, paired by position with OPENJSON's key
-- in place of unnest; the upsert is an UPDATE of the instalments that exist then an INSERT of the others, under
-- UPDLOCK, HOLDLOCK (not MERGE), in place of ON CONFLICT DO UPDATE.
SET NOCOUNT ON;
DECLARE @schedule TABLE (no int NOT NULL PRIMARY KEY, due_date date NOT NULL, amount decimal(19,4) NOT NULL,
                         paid decimal(19,4) NOT NULL, cancelled decimal(19,4) NOT NULL, written_off decimal(19,4) NOT NULL);
INSERT INTO @schedule (no, due_date, amount, paid, cancelled, written_off)
SELECT CAST(n.[value] AS int), CAST(d.[value] AS date), CAST(a.[value] AS decimal(19,4)), CAST(p.[value] AS decimal(19,4)),
       CAST(c.[value] AS decimal(19,4)), CAST(w.[value] AS decimal(19,4))
FROM OPENJSON(@Nos) n
JOIN OPENJSON(@DueDates) d ON d.[key] = n.[key]
JOIN OPENJSON(@Amounts) a ON a.[key] = n.[key]
JOIN OPENJSON(@Paid) p ON p.[key] = n.[key]
JOIN OPENJSON(@Cancelled) c ON c.[key] = n.[key]
JOIN OPENJSON(@WrittenOff) w ON w.[key] = n.[key];

UPDATE i SET due_date = s.due_date, amount = s.amount, paid = s.paid, cancelled = s.cancelled, written_off = s.written_off
FROM instalments i WITH (UPDLOCK, HOLDLOCK)
JOIN @schedule s ON s.no = i.instalment_no
WHERE i.pledge_id = @PledgeId;

INSERT INTO instalments (pledge_id, instalment_no, due_date, amount, paid, cancelled, written_off)
SELECT @PledgeId, s.no, s.due_date, s.amount, s.paid, s.cancelled, s.written_off
FROM @schedule s
WHERE NOT EXISTS (SELECT 1 FROM instalments i WITH (UPDLOCK, HOLDLOCK) WHERE i.pledge_id = @PledgeId AND i.instalment_no = s.no);
