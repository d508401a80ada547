using System.Reflection;

namespace TrustFund.Hosting.Storage;

/// <summary>
/// The SQL a service runs, read by name from the <c>.sql</c> files embedded for its dialect
/// (<c>Sql/{dialect}/queries/*.sql</c> and <c>Sql/{dialect}/migrations/*.sql</c>). Code outside those
/// files never knows which database it talks to.
/// </summary>
public sealed class SqlCatalog
{
    private readonly Dictionary<string, string> queries = new(StringComparer.Ordinal);

    public SqlCatalog(string dialect, IEnumerable<Assembly> assemblies)
    {
        Dialect = dialect;
        var migrations = new List<MigrationScript>();
        foreach (var (assembly, index) in assemblies.Distinct().Select((a, i) => (a, i)))
        {
            var source = index == 0 ? "infrastructure" : "service";
            foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
            {
                if (name.StartsWith($"Sql/{dialect}/queries/", StringComparison.Ordinal))
                {
                    var key = Path.GetFileNameWithoutExtension(name);
                    if (!queries.TryAdd(key, Read(assembly, name)))
                    {
                        throw new InvalidOperationException($"The SQL query '{key}' is defined twice for dialect '{dialect}'.");
                    }
                }
                else if (name.StartsWith($"Sql/{dialect}/migrations/", StringComparison.Ordinal))
                {
                    migrations.Add(new MigrationScript($"{source}/{Path.GetFileNameWithoutExtension(name)}", Read(assembly, name)));
                }
            }
        }
        Migrations = migrations;
    }

    public string Dialect { get; }

    /// <summary>Infrastructure migrations first, then the service's, each set in file-name order.</summary>
    public IReadOnlyList<MigrationScript> Migrations { get; }

    public string this[string name] => queries.TryGetValue(name, out var sql)
        ? sql
        : throw new KeyNotFoundException($"No SQL named '{name}' for dialect '{Dialect}'.");

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
