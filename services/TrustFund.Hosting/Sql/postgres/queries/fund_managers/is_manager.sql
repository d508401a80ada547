SELECT EXISTS (SELECT 1 FROM fund_managers WHERE fund_id = @FundId AND manager = @Manager);
