-- T-SQL: INSERT ... WHERE NOT EXISTS under UPDLOCK, HOLDLOCK in place of ON CONFLICT DO NOTHING.
INSERT INTO approvals (request_id, approver, approved_at)
SELECT @RequestId, @Approver, @Now
WHERE NOT EXISTS (SELECT 1 FROM approvals WITH (UPDLOCK, HOLDLOCK) WHERE request_id = @RequestId AND approver = @Approver);
