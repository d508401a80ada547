using Dapper;
using Npgsql;
using TrustFund.Hosting.Storage;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Storage.Stores;

/// <summary>
/// Each service's T-SQL migrations build the same tables and columns as its PostgreSQL migrations do on the real
/// server: same names, the same kind of type, decimals with the same precision and scale, the same nullability. The
/// PostgreSQL side is read from a database the service's own migrate command built; the T-SQL side from the migration
/// files through SQL Server's parser, since no SQL Server runs here (see decision 0014).
/// </summary>
public sealed class SchemaParityTests
{
    public static TheoryData<string> Services => [.. TestEnvironment.Services];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task The_SQL_Server_migrations_build_the_tables_and_columns_the_PostgreSQL_ones_do(string service)
    {
        var postgres = await PostgresSchemaAsync(service);
        var sqlServer = TSqlSchema.Build(MigrationFiles("TrustFund.Hosting").Concat(MigrationFiles(service)).Select(File.ReadAllText))
            .Select(c => c.ToString()).ToList();

        var onlyPostgres = postgres.Except(sqlServer).Select(c => $"postgres has {c}");
        var onlySqlServer = sqlServer.Except(postgres).Select(c => $"sqlserver has {c}");
        var differences = onlyPostgres.Concat(onlySqlServer).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(postgres);
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    private static IEnumerable<string> MigrationFiles(string project)
    {
        var folder = Path.Combine(TestEnvironment.Current.RepositoryRoot, "services", project, "Sql", "sqlserver", "migrations");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.sql").Order(StringComparer.Ordinal) : [];
    }

    private static async Task<List<string>> PostgresSchemaAsync(string service)
    {
        var server = StoreServer.For(DatabaseProviders.Postgres);
        var name = $"trustfund_schema_{service.ToLowerInvariant()}_{Guid.NewGuid():N}";
        var connectionString = await server.CreateDatabaseAsync(name);
        try
        {
            var migrate = await ServiceProcess.RunCommandAsync(service,
                new Dictionary<string, string> { ["Database__ConnectionString"] = connectionString }, "migrate");
            Assert.True(migrate.ExitCode == 0, migrate.Output);
            await using var connection = new NpgsqlConnection(connectionString);
            var columns = await connection.QueryAsync<(string Table, string Column, string Type, int? Precision, int? Scale, string Nullable)>("""
                SELECT table_name, column_name, data_type, numeric_precision, numeric_scale, is_nullable
                FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
                """);
            return [.. columns.Select(c => new SchemaColumn(c.Table, c.Column, Portable(c.Type), c.Type == "numeric" ? c.Precision : null,
                c.Type == "numeric" ? c.Scale : null, c.Nullable == "YES").ToString())];
        }
        finally
        {
            await server.DropDatabaseAsync(name);
        }
    }

    /// <summary>PostgreSQL's information_schema type names in the terms <see cref="TSqlSchema"/> uses.</summary>
    private static string Portable(string type) => type switch
    {
        "text" or "character varying" or "character" or "jsonb" or "json" => "text",
        "integer" => "int",
        "numeric" => "decimal",
        "timestamp with time zone" => "timestamptz",
        "timestamp without time zone" => "timestamp",
        "bytea" => "bytes",
        _ => type,
    };
}
