UPDATE pool_credits SET pool_id = @PoolId WHERE contribution_id = @ContributionId;
