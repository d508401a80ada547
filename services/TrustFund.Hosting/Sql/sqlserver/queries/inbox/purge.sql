DELETE FROM inbox_messages WHERE received_at < @Before;
