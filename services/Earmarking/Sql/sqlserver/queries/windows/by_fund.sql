SELECT fund_id AS FundId, window_id AS WindowId, name AS Name, status AS Status, version AS Version,
       updated_at AS UpdatedAt, updated_by AS UpdatedBy
FROM windows WHERE fund_id = @FundId ORDER BY window_id;
