-- T-SQL has no CREATE TABLE IF NOT EXISTS.
IF OBJECT_ID(N'schema_migrations', N'U') IS NULL
    CREATE TABLE schema_migrations (
        id          nvarchar(200)  NOT NULL PRIMARY KEY,
        checksum    nvarchar(64)   NOT NULL,
        applied_at  datetimeoffset NOT NULL
    );
