-- What the local copy says of an earmark's target: the window's and the project's status, when known.
SELECT (SELECT status FROM known_windows WHERE fund_id = @FundId AND window_id = @WindowId) AS WindowStatus,
       (SELECT status FROM known_projects WHERE fund_id = @FundId AND project_id = @ProjectId) AS ProjectStatus,
       (SELECT window_id FROM known_projects WHERE fund_id = @FundId AND project_id = @ProjectId) AS ProjectWindowId;
