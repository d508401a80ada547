SELECT count(*) FROM (SELECT 1 FROM pledges WHERE pledge_id = @PledgeId FOR UPDATE) AS locked;
