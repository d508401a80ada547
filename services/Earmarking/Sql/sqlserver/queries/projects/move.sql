-- Moves a project's figures by the given deltas; the table's checks refuse anything below zero or above the allocation.
UPDATE projects SET reserved = reserved + @Reserved, disbursed = disbursed + @Disbursed
WHERE fund_id = @FundId AND project_id = @ProjectId AND reserved + @Reserved >= 0 AND disbursed + @Disbursed >= 0
  AND reserved + @Reserved + disbursed + @Disbursed <= allocation;
