-- A donor statement's export names its donor (null for fund-level statements).
ALTER TABLE exports ADD COLUMN donor_id text NULL;
