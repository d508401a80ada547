-- A fund's projects as the structure copy knows them, with the name of each one's window.
SELECT p.project_id AS ProjectId, p.name AS Name, p.window_id AS WindowId, w.name AS WindowName, p.partner_id AS PartnerId, p.status AS Status
FROM known_projects p
LEFT JOIN known_windows w ON w.fund_id = p.fund_id AND w.window_id = p.window_id
WHERE p.fund_id = @FundId;
