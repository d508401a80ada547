SELECT count(*) FROM (SELECT 1 FROM requests WHERE request_id = @RequestId FOR UPDATE) AS locked;
