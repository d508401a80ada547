-- T-SQL: INSERT ... WHERE NOT EXISTS under UPDLOCK, HOLDLOCK in place of ON CONFLICT (donor_id) DO NOTHING.
INSERT INTO donors (donor_id, name, donor_type, country_code, created_at, created_by)
SELECT @DonorId, @Name, @DonorType, @CountryCode, @Now, @Actor
WHERE NOT EXISTS (SELECT 1 FROM donors WITH (UPDLOCK, HOLDLOCK) WHERE donor_id = @DonorId);
