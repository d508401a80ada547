SELECT donor_id AS DonorId, name AS Name, donor_type AS DonorType, country_code AS CountryCode, created_at AS CreatedAt
FROM donors WHERE (@DonorId IS NULL OR donor_id = @DonorId) ORDER BY donor_id;
