EXEC sys.sp_releaseapplock @Resource = N'trustfund:migrations:731612001', @LockOwner = 'Session';
