SELECT name FROM known_funds WHERE fund_id = @FundId;
