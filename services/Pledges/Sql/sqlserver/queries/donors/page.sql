-- The donors by id, a page at a time: the @Limit after @AfterId (the last donor id of the page before).
-- T-SQL: TOP in place of LIMIT.
SELECT TOP (@Limit) donor_id AS DonorId, name AS Name, donor_type AS DonorType, country_code AS CountryCode, created_at AS CreatedAt
FROM donors
WHERE (@AfterId IS NULL OR donor_id > @AfterId)
ORDER BY donor_id;
