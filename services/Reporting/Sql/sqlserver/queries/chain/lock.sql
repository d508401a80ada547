-- One chainer at a time, until its transaction ends: positions and previous hashes never interleave.
-- T-SQL: an application lock owned by the transaction (released at commit or rollback) in place of pg_advisory_xact_lock.
SET NOCOUNT ON;
DECLARE @granted int;
EXEC @granted = sys.sp_getapplock @Resource = N'ledger-chain', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1;
IF @granted < 0
    THROW 50409, N'chain.lock: the ledger chain lock was not granted (deadlock victim or cancelled).', 1;
