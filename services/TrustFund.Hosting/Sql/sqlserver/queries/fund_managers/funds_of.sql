SELECT fund_id FROM fund_managers WHERE manager = @Manager ORDER BY fund_id;
