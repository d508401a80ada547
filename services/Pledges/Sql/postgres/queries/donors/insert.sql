INSERT INTO donors (donor_id, name, donor_type, country_code, created_at, created_by)
VALUES (@DonorId, @Name, @DonorType, @CountryCode, @Now, @Actor)
ON CONFLICT (donor_id) DO NOTHING;
