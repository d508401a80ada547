SELECT file_name AS FileName, media_type AS MediaType, sha256 AS Sha256, content AS Content, donor_id AS DonorId, fund_id AS FundId
FROM exports WHERE export_id = @ExportId;
