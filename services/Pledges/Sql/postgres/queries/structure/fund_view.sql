-- The local copy of one fund: its windows and projects, as JSON arrays.
SELECT f.fund_id AS FundId, f.name AS Name, f.base_currency AS BaseCurrency, f.financing_model AS FinancingModel, f.version AS Version,
       coalesce((SELECT json_agg(json_build_object('windowId', w.window_id, 'status', w.status, 'version', w.version) ORDER BY w.window_id)
                 FROM known_windows w WHERE w.fund_id = f.fund_id), '[]')::text AS Windows,
       coalesce((SELECT json_agg(json_build_object('projectId', p.project_id, 'windowId', p.window_id, 'status', p.status, 'version', p.version) ORDER BY p.project_id)
                 FROM known_projects p WHERE p.fund_id = f.fund_id), '[]')::text AS Projects
FROM known_funds f WHERE f.fund_id = @FundId;
