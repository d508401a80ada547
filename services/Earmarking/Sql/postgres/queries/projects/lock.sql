-- Takes the project's row lock; read it afterwards with projects.get.
SELECT count(*) FROM (SELECT 1 FROM projects WHERE fund_id = @FundId AND project_id = @ProjectId FOR UPDATE) AS locked;
