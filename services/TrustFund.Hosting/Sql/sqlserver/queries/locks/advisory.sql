-- Serialises transactions that work on the same key (a contribution, a fund's interest) until they end.
-- T-SQL: an application lock owned by the transaction (released at commit or rollback, like pg_advisory_xact_lock),
-- waiting as long as it takes. sp_getapplock reports failure by its return code, not an error, hence the THROW.
-- Resource names are at most 255 characters; the keys used are far shorter.
SET NOCOUNT ON;
DECLARE @granted int;
EXEC @granted = sys.sp_getapplock @Resource = @Key, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1;
IF @granted < 0
    THROW 50409, N'locks.advisory: the application lock was not granted (deadlock victim or cancelled).', 1;
