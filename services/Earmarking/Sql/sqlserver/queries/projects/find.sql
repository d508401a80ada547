-- One project of a fund, or all of them, with the window's status and the fund's currency.
SELECT p.fund_id AS FundId, p.project_id AS ProjectId, p.window_id AS WindowId, p.name AS Name, p.project_lead AS ProjectLead,
       p.partner_id AS PartnerId, p.status AS Status, w.status AS WindowStatus, p.allocation AS Allocation, p.reserved AS Reserved,
       p.disbursed AS Disbursed, f.base_currency AS Currency, p.version AS Version, p.updated_at AS UpdatedAt, p.updated_by AS UpdatedBy
FROM projects p
JOIN windows w ON w.fund_id = p.fund_id AND w.window_id = p.window_id
JOIN funds f ON f.fund_id = p.fund_id
WHERE p.fund_id = @FundId AND (@ProjectId IS NULL OR p.project_id = @ProjectId)
ORDER BY p.project_id;
