SELECT change_id FROM approval_rule_changes WHERE fund_id = @FundId AND status = 'proposed';
