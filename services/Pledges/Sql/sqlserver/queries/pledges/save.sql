-- Optimistic: the version read is the version written over.
UPDATE pledges SET amount = @Amount, paid = @Paid, cancelled = @Cancelled, written_off = @WrittenOff, version = version + 1
WHERE pledge_id = @PledgeId AND version = @Version;
