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
        "postgres" => NpgsqlDataSource.Create(options.Value.ConnectionString),
        var other => throw new NotSupportedException($"Database provider '{other}' is not supported."),
    };

    public SqlCatalog Sql { get; } = sql;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
