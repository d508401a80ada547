-- T-SQL: text is nvarchar (200 for identifiers, max for prose), timestamptz datetimeoffset, uuid uniqueidentifier,
-- boolean bit, numeric decimal with the same precision and scale, identity columns IDENTITY(1, 1).
-- A donor statement's export names its donor (null for fund-level statements).
ALTER TABLE exports ADD donor_id nvarchar(200) NULL;
