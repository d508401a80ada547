SELECT id AS Id, checksum AS Checksum FROM schema_migrations ORDER BY id;
