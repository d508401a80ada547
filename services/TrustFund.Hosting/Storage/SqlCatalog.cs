using System.Reflection;

namespace TrustFund.Hosting.Storage;

/// <summary>
/// The SQL a service runs, read by name from the <c>.sql</c> files embedded for its dialect
/// (<c>Sql/{dialect}/queries/{feature}/{name}.sql</c>, known as <c>{feature}.{name}</c>, and
/// <c>Sql/{dialect}/migrations/NNNN_*.sql</c>). Code outside those files never knows which database it talks to.
/// </summary>
public sealed class SqlCatalog
{
    private readonly Dictionary<string, string> queries = new(StringComparer.Ordinal);

    public SqlCatalog(string dialect, IEnumerable<Assembly> assemblies)
        : this(dialect, assemblies.Distinct().Select((assembly, index) => Embedded(assembly, index == 0 ? "infrastructure" : "service", dialect)))
    {
    }

    /// <summary>The files of each source (the infrastructure's first, then the service's), as (resource name, text).</summary>
    internal SqlCatalog(string dialect, IEnumerable<(string Source, IEnumerable<(string Name, string Sql)> Files)> sources)
    {
        Dialect = dialect;
        var queriesFolder = $"Sql/{dialect}/queries/";
        var migrationsFolder = $"Sql/{dialect}/migrations/";
        var migrations = new List<MigrationScript>();
        foreach (var (source, files) in sources)
        {
            foreach (var (resource, sql) in files.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                var name = resource.Replace('\\', '/');
                if (name.StartsWith(queriesFolder, StringComparison.Ordinal))
                {
                    var key = QueryKey(name[queriesFolder.Length..], name);
                    if (!queries.TryAdd(key, sql))
                    {
                        throw new InvalidOperationException($"The SQL query '{key}' is defined twice for dialect '{dialect}'.");
                    }
                }
                else if (name.StartsWith(migrationsFolder, StringComparison.Ordinal))
                {
                    if (name[migrationsFolder.Length..].Contains('/', StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"The migration '{name}' must sit directly in '{migrationsFolder}'.");
                    }
                    migrations.Add(new MigrationScript($"{source}/{Path.GetFileNameWithoutExtension(name)}", sql));
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

    /// <summary><c>{feature}/{name}.sql</c> is known as <c>{feature}.{name}</c>; any other place is refused, so the layout stays.</summary>
    private static string QueryKey(string relative, string resource)
    {
        var parts = relative.Split('/');
        if (parts.Length != 2 || parts[0].Length == 0)
        {
            throw new InvalidOperationException(
                $"The SQL query '{resource}' must sit in one feature folder: queries/<feature>/<name>.sql.");
        }
        return $"{parts[0]}.{Path.GetFileNameWithoutExtension(parts[1])}";
    }

    private static (string Source, IEnumerable<(string Name, string Sql)> Files) Embedded(Assembly assembly, string source, string dialect) =>
        (source, assembly.GetManifestResourceNames()
            .Where(name => name.Replace('\\', '/').StartsWith($"Sql/{dialect}/", StringComparison.Ordinal))
            .Select(name => (name, Read(assembly, name)))
            .ToList());

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
