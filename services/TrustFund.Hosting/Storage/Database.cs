using System.Data.Common;
using Microsoft.Extensions.Options;
using Npgsql;

namespace TrustFund.Hosting.Storage;

/// <summary>Opens connections to the service's own database; the only place that names the client library.</summary>
public sealed class Database(IOptions<DatabaseOptions> options, SqlCatalog sql) : IAsyncDisposable
{
    static Database()
    {
        Dapper.SqlMapper.AddTypeHandler(new DateOnlyTypeHandler());
        Dapper.SqlMapper.AddTypeHandler(new UtcDateTimeOffsetTypeHandler());
    }

    private readonly DbDataSource dataSource = options.Value.Provider switch
    {
        "postgres" => NpgsqlDataSource.Create(WithPoolLimit(options.Value)),
        var other => throw new NotSupportedException($"Database provider '{other}' is not supported."),
    };

    public SqlCatalog Sql { get; } = sql;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    /// <summary>Four services share one server: each keeps its pool well inside the server's connection limit.</summary>
    private static string WithPoolLimit(DatabaseOptions options)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        if (!options.ConnectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase)
            && !options.ConnectionString.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = options.MaxPoolSize;
        }
        return builder.ConnectionString;
    }
}
