-- T-SQL: an application lock on the fund's managers, owned by the transaction, in place of pg_advisory_xact_lock.
SET NOCOUNT ON;
DECLARE @granted int;
DECLARE @resource nvarchar(255) = CONCAT(N'fund-managers:', @FundId);
EXEC @granted = sys.sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1;
IF @granted < 0
    THROW 50409, N'fund_managers.lock: the application lock was not granted (deadlock victim or cancelled).', 1;
