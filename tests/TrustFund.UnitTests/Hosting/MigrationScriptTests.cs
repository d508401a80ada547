using TrustFund.Hosting;
using TrustFund.Hosting.Storage;

namespace TrustFund.UnitTests.Hosting;

public sealed class MigrationScriptTests
{
    [Fact]
    public void Checksum_ignores_line_endings_and_surrounding_whitespace_but_not_edits()
    {
        var script = new MigrationScript("service/0001_x", "CREATE TABLE x (id int);\n");

        Assert.Equal(script.Checksum, new MigrationScript("service/0001_x", "CREATE TABLE x (id int);\r\n").Checksum);
        Assert.Equal(script.Checksum, new MigrationScript("service/0001_x", "  CREATE TABLE x (id int);").Checksum);
        Assert.NotEqual(script.Checksum, new MigrationScript("service/0001_x", "CREATE TABLE x (id bigint);").Checksum);
        Assert.Equal(64, script.Checksum.Length);
    }

    public static TheoryData<string> ServiceAssemblies => new()
    {
        typeof(TrustFund.Pledges.Contributions.ContributionsApi).Assembly.FullName!,
        typeof(TrustFund.Earmarking.Queries.PoolQueries).Assembly.FullName!,
        typeof(TrustFund.Disbursements.Funds.FundsApi).Assembly.FullName!,
        typeof(TrustFund.Reporting.Ledger.LedgerApi).Assembly.FullName!,
    };

    [Theory]
    [MemberData(nameof(ServiceAssemblies))]
    public void Each_service_catalog_has_infrastructure_migrations_first_then_its_own(string assemblyName)
    {
        var service = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.FullName == assemblyName);
        var catalog = new SqlCatalog("postgres", [typeof(ServiceDefaults).Assembly, service]);

        Assert.StartsWith("infrastructure/0001_", catalog.Migrations[0].Id, StringComparison.Ordinal);
        Assert.Contains(catalog.Migrations, m => m.Id.StartsWith("service/0001_", StringComparison.Ordinal));
        Assert.Equal(catalog.Migrations.Select(m => m.Id).Distinct().Count(), catalog.Migrations.Count);
        Assert.NotEmpty(catalog["outbox.claim"]);
        Assert.NotEmpty(catalog["inbox.record"]);
    }

    [Fact]
    public void Unknown_query_names_fail_loudly()
    {
        var catalog = new SqlCatalog("postgres", [typeof(ServiceDefaults).Assembly]);

        var error = Assert.Throws<KeyNotFoundException>(() => catalog["no.such.query"]);
        Assert.Contains("no.such.query", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dialect_without_files_has_no_queries()
    {
        var catalog = new SqlCatalog("no-such-dialect", [typeof(ServiceDefaults).Assembly]);

        Assert.Empty(catalog.Migrations);
        Assert.Throws<KeyNotFoundException>(() => catalog["outbox.claim"]);
    }
}
