using System.Globalization;
using TrustFund.Hosting.Auth;

namespace TrustFund.IntegrationTests.Infrastructure;

/// <summary>
/// Where the real PostgreSQL and RabbitMQ started by deploy/local/infra.sh are, read from the file that script
/// writes (<c>.local/trustfund.env</c>), each value overridable by an environment variable of the same name.
/// Tests use their own databases (<c>trustfund_test_*</c>) and virtual host, so a running local system is untouched.
/// </summary>
public sealed class TestEnvironment
{
    private readonly Dictionary<string, string> values;

    private TestEnvironment(string repositoryRoot, Dictionary<string, string> values)
    {
        RepositoryRoot = repositoryRoot;
        this.values = values;
    }

    public static TestEnvironment Current { get; } = Load();

    public string RepositoryRoot { get; }

    public string this[string key] => Environment.GetEnvironmentVariable(key) is { Length: > 0 } fromEnvironment
        ? fromEnvironment
        : values.TryGetValue(key, out var value)
            ? value
            : throw new InvalidOperationException($"{key} is not set: run deploy/local/infra.sh (or deploy/local/test.sh) first.");

    public static IReadOnlyList<string> Services { get; } = ["Pledges", "Earmarking", "Disbursements", "Reporting"];

    /// <summary>
    /// A number that lets a second checkout run its tests side by side with the first (deploy/local/infra.sh creates
    /// its databases and vhost when <c>TF_TEST_SLOT</c> is set): databases and vhost get it as a suffix, and the
    /// services listen ten ports further per slot. Empty by default.
    /// </summary>
    public static string Slot { get; } = Environment.GetEnvironmentVariable("TF_TEST_SLOT") ?? "";

    public string TestDatabase(string service) => $"trustfund_test_{service.ToLowerInvariant()}{Slot}";

    public string ConnectionString(string service, string? database = null, string? login = null)
    {
        var s = service.ToLowerInvariant();
        var user = login ?? $"trustfund_{s}";
        var password = login is null ? this[$"TF_PG_PASSWORD_{service.ToUpperInvariant()}"] : this[$"TF_PG_PASSWORD_{login["trustfund_".Length..].ToUpperInvariant()}"];
        return $"Host={this["TF_PG_HOST"]};Port={this["TF_PG_PORT"]};Database={database ?? TestDatabase(service)};Username={user};Password={password};Pooling=false";
    }

    public string SuperuserConnectionString(string database = "postgres") =>
        $"Host={this["TF_PG_HOST"]};Port={this["TF_PG_PORT"]};Database={database};Username={this["TF_PG_SUPERUSER"]};Password={this["TF_PG_SUPERUSER_PASSWORD"]};Pooling=false";

    public AuthOptions Auth => new()
    {
        Issuer = this["TF_AUTH_ISSUER"],
        Audience = this["TF_AUTH_AUDIENCE"],
        SigningKey = this["TF_AUTH_SIGNING_KEY"],
    };

    public string Token(string subject, string role, IReadOnlyDictionary<string, string>? claims = null) =>
        DevTokenIssuer.Issue(Auth, subject, role.Split(','), claims); // "fund-manager,finance": a person holding both roles

    public string RabbitHost => this["TF_RABBITMQ_HOST"];

    public ushort RabbitPort => ushort.Parse(this["TF_RABBITMQ_PORT"], CultureInfo.InvariantCulture);

    public string RabbitVirtualHost => this["TF_RABBITMQ_TEST_VHOST"] + Slot;

    public string RabbitUser => this["TF_RABBITMQ_USER"];

    public string RabbitPassword => this["TF_RABBITMQ_PASSWORD"];

    private static TestEnvironment Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TrustFund.sln")))
        {
            dir = dir.Parent;
        }
        var root = dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (TrustFund.sln) above the test binaries.");
        var file = Path.Combine(root, ".local", "trustfund.env");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(file))
        {
            foreach (var line in File.ReadAllLines(file))
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && !line.StartsWith('#'))
                {
                    values[line[..eq].Trim()] = line[(eq + 1)..].Trim().Trim('"', '\'');
                }
            }
        }
        return new TestEnvironment(root, values);
    }
}
