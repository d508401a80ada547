-- A payment the bank made that Earmarking could not book is payment-failed until finance retries it or records that
-- the transfer came back (payment-returned).
-- T-SQL: the filtered index takes the IN list as PostgreSQL's partial index does.
ALTER TABLE requests DROP CONSTRAINT requests_status_check;
ALTER TABLE requests ADD CONSTRAINT requests_status_check CHECK (status IN ('submitted', 'reserved', 'rejected-insufficient-funds',
    'reservation-refused', 'approved', 'paying', 'paid', 'payment-failed', 'payment-returned', 'rejected', 'cancelled', 'expired'));
CREATE INDEX requests_stuck ON requests (created_at) WHERE status IN ('paying', 'payment-failed');
