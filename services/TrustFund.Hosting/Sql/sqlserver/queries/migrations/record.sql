INSERT INTO schema_migrations (id, checksum, applied_at) VALUES (@Id, @Checksum, @AppliedAt);
