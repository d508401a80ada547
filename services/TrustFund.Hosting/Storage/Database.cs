using System.Data;
using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Options;
using Npgsql;

namespace TrustFund.Hosting.Storage;

/// <summary>
/// Opens connections to the service's own database; the only place that names the client libraries. Which one is
/// chosen by <c>Database:Provider</c> (see <see cref="DatabaseProviders"/>), as is the folder of SQL files read.
/// </summary>
public sealed class Database(IOptions<DatabaseOptions> options, SqlCatalog sql) : IAsyncDisposable
{
    static Database()
    {
        Dapper.SqlMapper.AddTypeHandler(new DateOnlyTypeHandler());
        Dapper.SqlMapper.AddTypeHandler(new UtcDateTimeOffsetTypeHandler());
    }

    private readonly DbDataSource dataSource = CreateDataSource(options.Value);

    public SqlCatalog Sql { get; } = sql;

    public string Provider { get; } = options.Value.Provider;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// A list of values as one query parameter, in the form the dialect's SQL expects: an array for PostgreSQL
    /// (<c>= ANY(@Values)</c>), a JSON array for SQL Server (<c>IN (SELECT value FROM OPENJSON(@Values))</c>).
    /// </summary>
    /// <summary>
    /// The isolation level that reads one consistent picture of the database across several statements: REPEATABLE READ
    /// in PostgreSQL is a snapshot; SQL Server's REPEATABLE READ only locks rows already read, so there it is SNAPSHOT
    /// (the database needs <c>ALLOW_SNAPSHOT_ISOLATION ON</c>, set by the deployment, see the README).
    /// </summary>
    public IsolationLevel SnapshotIsolation => SnapshotIsolationOf(Provider);

    internal static IsolationLevel SnapshotIsolationOf(string provider) =>
        provider == DatabaseProviders.SqlServer ? IsolationLevel.Snapshot : IsolationLevel.RepeatableRead;

    public object List<T>(IEnumerable<T> values) => ListParameter(Provider, values);

    internal static object ListParameter<T>(string provider, IEnumerable<T> values) => provider switch
    {
        DatabaseProviders.SqlServer => JsonSerializer.Serialize(values),
        _ => values.ToArray(),
    };

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    internal static DbDataSource CreateDataSource(DatabaseOptions options) => options.Provider switch
    {
        DatabaseProviders.Postgres => NpgsqlDataSource.Create(WithPoolLimit(options)),
        DatabaseProviders.SqlServer => SqlClientFactory.Instance.CreateDataSource(WithPoolLimit(options)),
        var other => throw new NotSupportedException($"Database provider '{other}' is not supported. {DatabaseProviders.Refusal}"),
    };

    /// <summary>Four services share one server: each keeps its pool well inside the server's connection limit.</summary>
    internal static string WithPoolLimit(DatabaseOptions options)
    {
        DbConnectionStringBuilder builder = options.Provider == DatabaseProviders.SqlServer
            ? new SqlConnectionStringBuilder(options.ConnectionString)
            : new NpgsqlConnectionStringBuilder(options.ConnectionString);
        if (!options.ConnectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase)
            && !options.ConnectionString.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase)
            && !options.ConnectionString.Contains("Max Pool Size", StringComparison.OrdinalIgnoreCase))
        {
            switch (builder)
            {
                case SqlConnectionStringBuilder sqlServer: sqlServer.MaxPoolSize = options.MaxPoolSize; break;
                case NpgsqlConnectionStringBuilder postgres: postgres.MaxPoolSize = options.MaxPoolSize; break;
            }
        }
        return builder.ConnectionString;
    }
}
