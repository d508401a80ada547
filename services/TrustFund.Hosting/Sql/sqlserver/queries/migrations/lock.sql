-- Session-level lock held for the whole migration run; a second migrator waits here.
-- T-SQL: an application lock owned by the session, released by migrations/unlock (or when the connection closes).
SET NOCOUNT ON;
DECLARE @granted int;
EXEC @granted = sys.sp_getapplock @Resource = N'trustfund:migrations:731612001', @LockMode = 'Exclusive',
    @LockOwner = 'Session', @LockTimeout = -1;
IF @granted < 0
    THROW 50409, N'migrations.lock: the migration lock was not granted.', 1;
