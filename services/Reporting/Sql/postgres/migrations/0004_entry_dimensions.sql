-- The project and implementing partner an entry concerns (transfers, refunds), for statements by project and partner.
ALTER TABLE journal_entries ADD COLUMN project_id text NULL;
ALTER TABLE journal_entries ADD COLUMN partner_id text NULL;
