SELECT p.fund_id AS FundId, p.project_id AS ProjectId, p.window_id AS WindowId, p.project_lead AS ProjectLead, p.partner_id AS PartnerId,
       p.status AS Status, f.base_currency AS BaseCurrency, f.two_approver_threshold AS TwoApproverThreshold
FROM project_copies p JOIN fund_copies f ON f.fund_id = p.fund_id
WHERE p.fund_id = @FundId AND p.project_id = @ProjectId;
