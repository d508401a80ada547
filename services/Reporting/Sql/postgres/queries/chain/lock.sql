-- One chainer at a time, until its transaction ends: positions and previous hashes never interleave.
SELECT pg_advisory_xact_lock(hashtextextended('ledger-chain', 0));
