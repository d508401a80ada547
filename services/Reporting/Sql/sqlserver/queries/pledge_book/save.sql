UPDATE pledge_book
SET pledged = @Pledged, paid = @Paid, cancelled = @Cancelled, written_off = @WrittenOff, outstanding = @Outstanding
WHERE pledge_id = @PledgeId;
