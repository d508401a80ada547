INSERT INTO exports (export_id, statement, format, fund_id, period_from, period_to, file_name, media_type, byte_length, sha256,
                     first_entry_id, last_entry_id, entries, chain_position, chain_hash, generated_at, generated_by, trace_id, content, donor_id)
VALUES (@ExportId, @Statement, @Format, @FundId, @From, @To, @FileName, @MediaType, @ByteLength, @Sha256,
        @FirstEntryId, @LastEntryId, @Entries, @ChainPosition, @ChainHash, @GeneratedAt, @GeneratedBy, @TraceId, @Content, @DonorId);
