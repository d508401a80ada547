UPDATE idempotency_keys
SET status_code = @StatusCode, content_type = @ContentType, location = @Location, body = @Body
WHERE caller = @Caller AND idempotency_key = @Key;
