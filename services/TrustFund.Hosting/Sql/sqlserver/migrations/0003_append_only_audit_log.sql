-- Tables that only ever grow (the audit log here; a service's ledger in its own migrations) refuse an update or a
-- delete in the database itself, whichever login sends it: a correction is a new row. Only someone who may alter
-- the table can switch the guard off (DISABLE TRIGGER), and that is a change of the schema, not of data.
-- T-SQL: one INSTEAD OF UPDATE, DELETE trigger per table, made by make_append_only, which THROWs (error 50403,
-- state 1) so nothing changes and the transaction fails. TRUNCATE fires no trigger in SQL Server; it needs ALTER
-- on the table, the same permission that could drop the guard, so it is refused by not granting ALTER.
-- CREATE PROCEDURE must start its batch: the GO lines cut this script into batches (the migrator runs each in turn,
-- all in one transaction).
CREATE PROCEDURE make_append_only @Table sysname
AS
BEGIN
    SET NOCOUNT ON;
    IF OBJECT_ID(@Table, N'U') IS NULL
        THROW 50404, N'make_append_only: no such table.', 1;
    -- The trigger's text is built here (a trigger can only be created by its own batch, hence sp_executesql).
    DECLARE @name nvarchar(300) = QUOTENAME(@Table + N'_append_only');
    DECLARE @sql nvarchar(max) =
        N'CREATE TRIGGER ' + @name + N' ON ' + QUOTENAME(@Table) + N' INSTEAD OF UPDATE, DELETE AS ' +
        N'BEGIN SET NOCOUNT ON; ' +
        N'IF EXISTS (SELECT 1 FROM deleted) ' +
        N'THROW 50403, N''' + REPLACE(@Table, N'''', N'''''') +
        N' is append-only: UPDATE and DELETE are refused. Rows of this table are only ever inserted; record a correction as a new row.'', 1; ' +
        N'END';
    EXEC sys.sp_executesql @sql;
END
GO
EXEC make_append_only @Table = N'audit_log';
