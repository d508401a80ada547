using Dapper;
using Npgsql;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Storage;

/// <summary>A throw-away database on the real server, dropped afterwards.</summary>
public sealed class ScratchDatabase : IAsyncLifetime
{
    public string Name { get; } = $"trustfund_scratch_{Guid.NewGuid():N}";

    public string ConnectionString => TestEnvironment.Current.SuperuserConnectionString(Name);

    public async Task InitializeAsync()
    {
        await using var admin = new NpgsqlConnection(TestEnvironment.Current.SuperuserConnectionString());
        await admin.ExecuteAsync($"CREATE DATABASE {Name}");
    }

    public async Task DisposeAsync()
    {
        await using var admin = new NpgsqlConnection(TestEnvironment.Current.SuperuserConnectionString());
        await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }
}
