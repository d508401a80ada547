using TrustFund.Hosting;
using TrustFund.Hosting.Storage;

namespace TrustFund.UnitTests.Hosting;

public sealed class SqlCatalogTests
{
    private static SqlCatalog CatalogOf(params (string Name, string Sql)[] files) =>
        new("postgres", [("service", files)]);

    [Fact]
    public void A_query_in_a_feature_folder_is_known_as_folder_dot_name()
    {
        var catalog = CatalogOf(("Sql/postgres/queries/reservations/claim.sql", "SELECT 1;"));

        Assert.Equal("SELECT 1;", catalog["reservations.claim"]);
        Assert.Throws<KeyNotFoundException>(() => catalog["claim"]);
    }

    [Theory]
    [InlineData("Sql/postgres/queries/reservations.claim.sql")]
    [InlineData("Sql/postgres/queries/reservations/lines/claim.sql")]
    public void A_query_outside_exactly_one_feature_folder_is_refused(string name)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CatalogOf((name, "SELECT 1;")));
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_defined_twice_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new SqlCatalog("postgres", [
            ("infrastructure", [("Sql/postgres/queries/outbox/claim.sql", "SELECT 1;")]),
            ("service", [("Sql/postgres/queries/outbox/claim.sql", "SELECT 2;")]),
        ]));
        Assert.Contains("'outbox.claim' is defined twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrations_stay_flat()
    {
        var catalog = CatalogOf(("Sql/postgres/migrations/0001_x.sql", "CREATE TABLE x (id int);"));
        Assert.Equal("service/0001_x", Assert.Single(catalog.Migrations).Id);

        Assert.Throws<InvalidOperationException>(() => CatalogOf(("Sql/postgres/migrations/x/0001_x.sql", "CREATE TABLE x (id int);")));
    }

    [Fact]
    public void Files_of_another_dialect_are_not_read()
    {
        var catalog = CatalogOf(("Sql/sqlserver/queries/reservations/claim.sql", "SELECT 1;"));

        Assert.Throws<KeyNotFoundException>(() => catalog["reservations.claim"]);
    }

    [Fact]
    public void The_embedded_files_are_found_in_their_feature_folders()
    {
        var catalog = new SqlCatalog("postgres", [typeof(ServiceDefaults).Assembly, typeof(TrustFund.Earmarking.Queries.PoolQueries).Assembly]);

        Assert.NotEmpty(catalog["outbox.claim"]);
        Assert.NotEmpty(catalog["reservations.claim"]);
        Assert.NotEmpty(catalog["fund_managers.assign"]);
        Assert.NotEmpty(catalog["fund_managers.is_manager"]);
    }
}
