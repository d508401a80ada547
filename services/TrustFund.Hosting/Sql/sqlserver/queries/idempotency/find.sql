SELECT request_hash AS RequestHash, status_code AS StatusCode, content_type AS ContentType,
       location AS Location, body AS Body
FROM idempotency_keys
WHERE caller = @Caller AND idempotency_key = @Key;
