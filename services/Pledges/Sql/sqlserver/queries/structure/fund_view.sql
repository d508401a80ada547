-- The local copy of one fund: its windows and projects, as JSON arrays.
-- T-SQL: FOR JSON PATH in place of json_agg(json_build_object(...)), with the same property names.
SELECT f.fund_id AS FundId, f.name AS Name, f.base_currency AS BaseCurrency, f.financing_model AS FinancingModel, f.version AS Version,
       COALESCE((SELECT w.window_id AS windowId, w.status AS status, w.version AS version
                 FROM known_windows w WHERE w.fund_id = f.fund_id ORDER BY w.window_id FOR JSON PATH), '[]') AS Windows,
       COALESCE((SELECT p.project_id AS projectId, p.window_id AS windowId, p.status AS status, p.version AS version
                 FROM known_projects p WHERE p.fund_id = f.fund_id ORDER BY p.project_id FOR JSON PATH), '[]') AS Projects
FROM known_funds f WHERE f.fund_id = @FundId;
