INSERT INTO approvals (request_id, approver, approved_at) VALUES (@RequestId, @Approver, @Now) ON CONFLICT DO NOTHING;
