SELECT m.manager AS Manager, m.assigned_at AS AssignedAt, m.assigned_by AS AssignedBy
FROM fund_managers m WHERE m.fund_id = @FundId ORDER BY m.assigned_at, m.manager;
