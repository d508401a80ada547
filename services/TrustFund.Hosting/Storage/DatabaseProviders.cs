namespace TrustFund.Hosting.Storage;

/// <summary>
/// The databases a service can run on, named by <c>Database:Provider</c> (<c>Database__Provider</c> in the environment).
/// The name picks both the ADO.NET client and the folder of SQL files (<c>Sql/{provider}/</c>).
/// </summary>
public static class DatabaseProviders
{
    public const string Postgres = "postgres";
    public const string SqlServer = "sqlserver";

    public static IReadOnlyList<string> Accepted { get; } = [Postgres, SqlServer];

    /// <summary>Kept in step with <see cref="Accepted"/> (a unit test checks); attributes need a constant.</summary>
    internal const string Pattern = @"\A(postgres|sqlserver)\z";

    internal const string Refusal =
        "Database:Provider (environment variable Database__Provider) must be 'postgres' or 'sqlserver'.";
}
