-- T-SQL: text is nvarchar (200 for identifiers, max for prose), timestamptz datetimeoffset, uuid uniqueidentifier,
-- boolean bit, numeric decimal with the same precision and scale, identity columns IDENTITY(1, 1).
-- The project and implementing partner an entry concerns (transfers, refunds), for statements by project and partner.
ALTER TABLE journal_entries ADD project_id nvarchar(200) NULL;
ALTER TABLE journal_entries ADD partner_id nvarchar(200) NULL;
