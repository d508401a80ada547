using Npgsql;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Storage;

/// <summary>Each service has its own login, and that login can reach no other service's database.</summary>
public sealed class DatabaseIsolationTests
{
    public static TheoryData<string, string> ForeignPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var owner in TestEnvironment.Services)
        {
            foreach (var other in TestEnvironment.Services.Where(s => s != owner))
            {
                data.Add(owner, other);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ForeignPairs))]
    public async Task A_service_login_cannot_connect_to_another_services_database(string login, string database)
    {
        var env = TestEnvironment.Current;
        await using var connection = new NpgsqlConnection(env.ConnectionString(login, env.TestDatabase(database), $"trustfund_{login.ToLowerInvariant()}"));

        var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Theory]
    [InlineData("Pledges")]
    [InlineData("Earmarking")]
    [InlineData("Disbursements")]
    [InlineData("Reporting")]
    public async Task A_service_login_can_use_its_own_database(string service)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.Current.ConnectionString(service));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE TEMP TABLE probe (id int); INSERT INTO probe VALUES (1); SELECT count(*) FROM probe;", connection);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }
}
