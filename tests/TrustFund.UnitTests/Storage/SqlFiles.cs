using System.Reflection;
using System.Text.RegularExpressions;
using TrustFund.Hosting;

namespace TrustFund.UnitTests.Storage;

/// <summary>The SQL files embedded in the shared library and each service, as they ship.</summary>
internal static partial class SqlFiles
{
    public static IReadOnlyList<Assembly> Assemblies { get; } =
    [
        typeof(ServiceDefaults).Assembly,
        typeof(TrustFund.Pledges.Contributions.ContributionsApi).Assembly,
        typeof(TrustFund.Earmarking.Queries.PoolQueries).Assembly,
        typeof(TrustFund.Disbursements.Funds.FundsApi).Assembly,
        typeof(TrustFund.Reporting.Ledger.LedgerApi).Assembly,
    ];

    public static TheoryData<string> AssemblyNames()
    {
        var data = new TheoryData<string>();
        foreach (var assembly in Assemblies)
        {
            data.Add(assembly.GetName().Name!);
        }
        return data;
    }

    public static Assembly Named(string name) => Assemblies.Single(a => a.GetName().Name == name);

    /// <summary>The files of one dialect, keyed by their path below <c>Sql/{dialect}/</c> (<c>queries/outbox/claim.sql</c>).</summary>
    public static IReadOnlyDictionary<string, string> Of(Assembly assembly, string dialect)
    {
        var prefix = $"Sql/{dialect}/";
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var normalised = name.Replace('\\', '/');
            if (!normalised.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files[normalised[prefix.Length..]] = reader.ReadToEnd();
        }
        return files;
    }

    /// <summary>
    /// The <c>@Name</c> parameters a PostgreSQL query takes (Dapper's placeholders), outside comments and string literals.
    /// </summary>
    public static IReadOnlySet<string> PostgresParameters(string sql)
    {
        var code = Literals().Replace(Comments().Replace(sql, " "), " ");
        return Parameter().Matches(code).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"--[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"'(?:[^']|'')*'")]
    private static partial Regex Literals();

    [GeneratedRegex(@"(?<![@\w])@([A-Za-z_]\w*)")]
    private static partial Regex Parameter();
}
