SELECT export_id AS ExportId, statement AS Statement, format AS Format, fund_id AS FundId, period_from AS "From", period_to AS "To",
       file_name AS FileName, media_type AS MediaType, byte_length AS ByteLength, sha256 AS Sha256,
       first_entry_id AS FirstEntryId, last_entry_id AS LastEntryId, entries AS Entries, chain_position AS ChainPosition, chain_hash AS ChainHash,
       generated_at AS GeneratedAt, generated_by AS GeneratedBy, donor_id AS DonorId
FROM exports WHERE export_id = @ExportId;
