namespace TrustFund.UnitTests.Storage;

/// <summary>
/// The SQL Server dialect, verified as far as a machine without SQL Server allows: every T-SQL file parses with SQL
/// Server 2022's own parser, uses no PostgreSQL function and no type unfit for money, and matches its PostgreSQL twin
/// query for query, parameter for parameter, migration for migration. Parsed, never executed: names of tables and
/// columns, types of expressions and behaviour under concurrency are checked only where a SQL Server runs
/// (TF_SQLSERVER, see the integration tests).
/// </summary>
public sealed class SqlServerDialectTests
{
    /// <summary>Assemblies whose SQL must exist in both dialects. Every one that has SQL.</summary>
    private static readonly string[] MustBePorted =
    [
        "TrustFund.Hosting",
        "TrustFund.Disbursements",
        "TrustFund.Pledges",
        "TrustFund.Earmarking",
        "TrustFund.Reporting",
    ];

    public static TheoryData<string> Assemblies => SqlFiles.AssemblyNames();

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Every_TSql_file_parses_with_the_SQL_Server_2022_parser(string assembly) =>
        AssertEveryTSqlFile(assembly, parsed => parsed.Errors);

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void No_TSql_file_uses_a_PostgreSQL_function_or_a_type_unfit_for_money(string assembly) =>
        AssertEveryTSqlFile(assembly, parsed => parsed.Misuses);

    private static void AssertEveryTSqlFile(string assembly, Func<TSql, IEnumerable<string>> complaints)
    {
        var failures = SqlFiles.Of(SqlFiles.Named(assembly), "sqlserver")
            .SelectMany(file => complaints(TSql.Parse(file.Value)).Select(complaint => $"{file.Key}: {complaint}"))
            .ToList();

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Every_query_and_migration_exists_in_both_dialects(string assembly)
    {
        var postgres = SqlFiles.Of(SqlFiles.Named(assembly), "postgres");
        var sqlServer = SqlFiles.Of(SqlFiles.Named(assembly), "sqlserver");
        var onlyPostgres = postgres.Keys.Except(sqlServer.Keys).Select(k => $"only in postgres: {k}");
        var onlySqlServer = sqlServer.Keys.Except(postgres.Keys).Select(k => $"only in sqlserver: {k}");
        var missing = onlyPostgres.Concat(onlySqlServer).ToList();

        Assert.NotEmpty(postgres);
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Every_query_takes_the_same_parameters_in_both_dialects(string assembly)
    {
        var postgres = SqlFiles.Of(SqlFiles.Named(assembly), "postgres");
        var sqlServer = SqlFiles.Of(SqlFiles.Named(assembly), "sqlserver");
        var differences = new List<string>();
        foreach (var (name, tsql) in sqlServer.Where(f => f.Key.StartsWith("queries/", StringComparison.Ordinal)))
        {
            if (!postgres.TryGetValue(name, out var pgsql))
            {
                continue;
            }
            var expected = SqlFiles.PostgresParameters(pgsql);
            var actual = TSql.Parse(tsql).Parameters;
            if (!expected.SetEquals(actual))
            {
                differences.Add($"{name}: postgres takes [{string.Join(", ", expected.Order())}], sqlserver [{string.Join(", ", actual.Order())}]");
            }
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public void Every_assembly_with_SQL_is_ported()
    {
        var notPorted = SqlFiles.Assemblies
            .Where(a => SqlFiles.Of(a, "postgres").Count > 0)
            .Select(a => a.GetName().Name!)
            .Where(name => !MustBePorted.Contains(name))
            .ToList();

        // Every assembly named here is held to full parity above, and every assembly that has SQL is named here.
        Assert.Equal(SqlFiles.Assemblies.Count, MustBePorted.Length);
        Assert.All(MustBePorted, name => Assert.NotEmpty(SqlFiles.Of(SqlFiles.Named(name), "sqlserver")));
        Assert.True(notPorted.Count == 0, "Not ported to T-SQL: " + string.Join(", ", notPorted));
    }

    [Theory]
    [InlineData("INSERT INTO t (a) VALUES (@A) ON CONFLICT DO NOTHING;")]
    [InlineData("SELECT a FROM t FOR UPDATE SKIP LOCKED;")]
    [InlineData("SELECT a FROM t LIMIT 1;")]
    [InlineData("SELECT @A::jsonb;")]
    [InlineData("UPDATE t SET a = 1 RETURNING a;")]
    [InlineData("SELECT count(*) FILTER (WHERE a > 0) FROM t;")]
    public void The_parser_refuses_PostgreSQL_only_syntax(string sql) =>
        Assert.NotEmpty(TSql.Parse(sql).Errors);

    [Theory]
    [InlineData("SELECT now();", "PostgreSQL function")]
    [InlineData("CREATE TABLE t (a float);", "floating point")]
    [InlineData("CREATE TABLE t (a money);", "decimal(p,s)")]
    [InlineData("SELECT CAST(@A AS decimal);", "drops the cents")]
    [InlineData("CREATE TABLE t (a timestamptz);", "not a SQL Server type")]
    [InlineData("CREATE TABLE t (a datetime);", "datetimeoffset")]
    [InlineData("CREATE TABLE t (a text);", "deprecated")]
    [InlineData("SELECT a::numeric FROM t;", "PostgreSQL cast")]
    public void A_PostgreSQL_function_or_a_type_unfit_for_money_is_named(string sql, string complaint) =>
        Assert.Contains(TSql.Parse(sql).Misuses, m => m.Contains(complaint, StringComparison.Ordinal));

    [Fact]
    public void Parameters_are_the_caller_supplied_ones_not_local_variables_or_procedure_argument_names()
    {
        var parsed = TSql.Parse("""
            DECLARE @granted int;
            DECLARE @rows TABLE (id int);
            EXEC @granted = sys.sp_getapplock @Resource = @Key, @LockMode = 'Exclusive';
            INSERT INTO t (a, b) OUTPUT inserted.a INTO @rows (id) SELECT @A, @@ROWCOUNT;
            """);

        Assert.Empty(parsed.Errors);
        Assert.Equal(["A", "Key"], parsed.Parameters.Order());
    }

    [Fact]
    public void PostgreSQL_parameters_outside_comments_and_literals_are_found()
    {
        var parameters = SqlFiles.PostgresParameters("""
            -- @NotThis
            SELECT @A, '@NorThis', a::text FROM t /* @NorThat */ WHERE b = @B AND c = ANY(@C);
            """);

        Assert.Equal(["A", "B", "C"], parameters.Order());
    }
}
