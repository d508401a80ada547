using TrustFund.Hosting.Storage;

namespace TrustFund.UnitTests.Storage;

public sealed class TransientErrorsTests
{
    [Theory]
    [InlineData(1205)] // deadlock victim
    [InlineData(1222)] // lock request time out
    [InlineData(-2)] // client timeout
    [InlineData(40613)] // database unavailable (failing over)
    [InlineData(3960)] // snapshot isolation update conflict
    public void SQL_Server_deadlocks_timeouts_and_failovers_are_retried(int number) =>
        Assert.True(TransientErrors.IsSqlServerTransient(number));

    [Theory]
    [InlineData(2627)] // unique key violation: a duplicate, never mended by retrying
    [InlineData(2601)] // duplicate key in a unique index
    [InlineData(547)] // foreign key or check constraint
    [InlineData(50001)] // our own THROW (append-only guard)
    [InlineData(8115)] // arithmetic overflow
    public void SQL_Server_errors_that_retrying_cannot_mend_are_not_retried(int number) =>
        Assert.False(TransientErrors.IsSqlServerTransient(number));

    [Theory]
    [InlineData("40001")]
    [InlineData("40P01")]
    [InlineData("57P01")]
    [InlineData("08006")]
    public void PostgreSQL_serialization_failures_deadlocks_and_lost_connections_are_retried(string state) =>
        Assert.True(TransientErrors.IsPostgresTransient(state));

    [Theory]
    [InlineData("23505")] // unique_violation
    [InlineData("23514")] // check_violation
    [InlineData("P0001")] // raise_exception (append-only guard)
    [InlineData(null)]
    public void PostgreSQL_errors_that_retrying_cannot_mend_are_not_retried(string? state) =>
        Assert.False(TransientErrors.IsPostgresTransient(state));

    [Fact]
    public void An_ordinary_exception_is_not_transient() =>
        Assert.False(TransientErrors.IsTransient(new InvalidOperationException("no")));

    [Fact]
    public async Task A_unit_of_work_that_is_not_transient_fails_at_the_first_attempt()
    {
        var attempts = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => TransientRetry.RunAsync<int>(
            () => { attempts++; throw new InvalidOperationException("refused"); }, CancellationToken.None));
        Assert.Equal(1, attempts);
    }
}
