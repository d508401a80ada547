using Dapper;
using Microsoft.Data.SqlClient;
using Npgsql;
using TrustFund.Hosting.Storage;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Storage.Stores;

/// <summary>
/// A database server the store contract runs against: the PostgreSQL that deploy/local/infra.sh starts, or the SQL
/// Server named by <c>TF_SQLSERVER</c> (a connection string to its master database with the right to create
/// databases). Each test gets a database of its own, dropped afterwards.
/// </summary>
public abstract class StoreServer
{
    /// <summary>The environment variable that names a SQL Server to test against; unset here, where none can run.</summary>
    public const string SqlServerVariable = "TF_SQLSERVER";

    public abstract string Provider { get; }

    /// <summary>Creates an empty database and answers a connection string to it.</summary>
    public abstract Task<string> CreateDatabaseAsync(string name);

    public abstract Task DropDatabaseAsync(string name);

    public static string? SqlServerConnectionString =>
        Environment.GetEnvironmentVariable(SqlServerVariable) is { Length: > 0 } value ? value : null;

    public static StoreServer For(string provider) => provider switch
    {
        DatabaseProviders.Postgres => new Postgres(),
        DatabaseProviders.SqlServer => new SqlServer(SqlServerConnectionString
            ?? throw new InvalidOperationException($"{SqlServerVariable} is not set.")),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "No such store."),
    };

    private sealed class Postgres : StoreServer
    {
        public override string Provider => DatabaseProviders.Postgres;

        public override async Task<string> CreateDatabaseAsync(string name)
        {
            await using var admin = new NpgsqlConnection(TestEnvironment.Current.SuperuserConnectionString());
            await admin.ExecuteAsync($"CREATE DATABASE {name}");
            return TestEnvironment.Current.SuperuserConnectionString(name);
        }

        public override async Task DropDatabaseAsync(string name)
        {
            await using var admin = new NpgsqlConnection(TestEnvironment.Current.SuperuserConnectionString());
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private sealed class SqlServer(string master) : StoreServer
    {
        public override string Provider => DatabaseProviders.SqlServer;

        public override async Task<string> CreateDatabaseAsync(string name)
        {
            await using var admin = new SqlConnection(master);
            await admin.ExecuteAsync($"CREATE DATABASE [{name}]");
            // As the deployment sets them (README, "Running on SQL Server"): readers never wait for writers, and the
            // ledger snapshot behind exports runs under SNAPSHOT isolation.
            await admin.ExecuteAsync($"ALTER DATABASE [{name}] SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE");
            await admin.ExecuteAsync($"ALTER DATABASE [{name}] SET ALLOW_SNAPSHOT_ISOLATION ON");
            return new SqlConnectionStringBuilder(master) { InitialCatalog = name, Pooling = false }.ConnectionString;
        }

        public override async Task DropDatabaseAsync(string name)
        {
            await using var admin = new SqlConnection(master);
            await admin.ExecuteAsync($"""
                IF DB_ID(N'{name}') IS NOT NULL
                BEGIN
                    ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE;
                    DROP DATABASE [{name}];
                END
                """);
        }
    }
}
