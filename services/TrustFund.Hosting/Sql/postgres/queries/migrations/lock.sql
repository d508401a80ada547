-- Session-level lock held for the whole migration run; a second migrator waits here.
SELECT pg_advisory_lock(731612001);
