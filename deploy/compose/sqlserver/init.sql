-- One database and one login per service: a service owns its own database (it runs its migrations there) and
-- cannot see another's. Run once by the sqlserver-init container with sqlcmd; the passwords come in as scripting
-- variables from the environment ($(PLEDGES_PASSWORD) ...). Safe to run again: what exists is left as it is.
-- READ_COMMITTED_SNAPSHOT: readers never wait for writers (the outbox claim's NOT EXISTS and every list read).
-- ALLOW_SNAPSHOT_ISOLATION: the ledger snapshot behind exports runs under SNAPSHOT (Database.SnapshotIsolation).
SET NOCOUNT ON;

IF DB_ID(N'trustfund_pledges') IS NULL CREATE DATABASE trustfund_pledges;
IF DB_ID(N'trustfund_earmarking') IS NULL CREATE DATABASE trustfund_earmarking;
IF DB_ID(N'trustfund_disbursements') IS NULL CREATE DATABASE trustfund_disbursements;
IF DB_ID(N'trustfund_reporting') IS NULL CREATE DATABASE trustfund_reporting;
GO

ALTER DATABASE trustfund_pledges SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;
ALTER DATABASE trustfund_pledges SET ALLOW_SNAPSHOT_ISOLATION ON;
ALTER DATABASE trustfund_earmarking SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;
ALTER DATABASE trustfund_earmarking SET ALLOW_SNAPSHOT_ISOLATION ON;
ALTER DATABASE trustfund_disbursements SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;
ALTER DATABASE trustfund_disbursements SET ALLOW_SNAPSHOT_ISOLATION ON;
ALTER DATABASE trustfund_reporting SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;
ALTER DATABASE trustfund_reporting SET ALLOW_SNAPSHOT_ISOLATION ON;
GO

IF SUSER_ID(N'trustfund_pledges') IS NULL
    CREATE LOGIN trustfund_pledges WITH PASSWORD = N'$(PLEDGES_PASSWORD)', DEFAULT_DATABASE = trustfund_pledges, CHECK_POLICY = ON;
IF SUSER_ID(N'trustfund_earmarking') IS NULL
    CREATE LOGIN trustfund_earmarking WITH PASSWORD = N'$(EARMARKING_PASSWORD)', DEFAULT_DATABASE = trustfund_earmarking, CHECK_POLICY = ON;
IF SUSER_ID(N'trustfund_disbursements') IS NULL
    CREATE LOGIN trustfund_disbursements WITH PASSWORD = N'$(DISBURSEMENTS_PASSWORD)', DEFAULT_DATABASE = trustfund_disbursements, CHECK_POLICY = ON;
IF SUSER_ID(N'trustfund_reporting') IS NULL
    CREATE LOGIN trustfund_reporting WITH PASSWORD = N'$(REPORTING_PASSWORD)', DEFAULT_DATABASE = trustfund_reporting, CHECK_POLICY = ON;
GO

-- Each login is a user of its own database only, with the rights its migrations need there (db_owner of that
-- database, nothing on the server). The append-only triggers stop a service's own UPDATE or DELETE of ledger and
-- audit rows; switching them off is a schema change, visible in the database's own DDL history.
USE trustfund_pledges;
IF USER_ID(N'trustfund_pledges') IS NULL CREATE USER trustfund_pledges FOR LOGIN trustfund_pledges;
ALTER ROLE db_owner ADD MEMBER trustfund_pledges;
GO
USE trustfund_earmarking;
IF USER_ID(N'trustfund_earmarking') IS NULL CREATE USER trustfund_earmarking FOR LOGIN trustfund_earmarking;
ALTER ROLE db_owner ADD MEMBER trustfund_earmarking;
GO
USE trustfund_disbursements;
IF USER_ID(N'trustfund_disbursements') IS NULL CREATE USER trustfund_disbursements FOR LOGIN trustfund_disbursements;
ALTER ROLE db_owner ADD MEMBER trustfund_disbursements;
GO
USE trustfund_reporting;
IF USER_ID(N'trustfund_reporting') IS NULL CREATE USER trustfund_reporting FOR LOGIN trustfund_reporting;
ALTER ROLE db_owner ADD MEMBER trustfund_reporting;
GO
