SELECT pg_advisory_unlock(731612001);
