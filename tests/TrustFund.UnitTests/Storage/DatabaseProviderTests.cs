using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
using Npgsql;
using TrustFund.Hosting.Storage;

namespace TrustFund.UnitTests.Storage;

public sealed class DatabaseProviderTests
{
    [Fact]
    public void The_validation_pattern_accepts_exactly_the_accepted_providers()
    {
        foreach (var provider in DatabaseProviders.Accepted)
        {
            Assert.Matches(DatabaseProviders.Pattern, provider);
        }
        var alternatives = Regex.Match(DatabaseProviders.Pattern, @"\((.*)\)").Groups[1].Value.Split('|');
        Assert.Equal(DatabaseProviders.Accepted.Order(), alternatives.Order());
    }

    [Theory]
    [InlineData("mysql")]
    [InlineData("Postgres")]
    [InlineData("sqlserver ")]
    [InlineData("")]
    public void An_unknown_provider_is_refused_at_start_up_naming_the_setting(string provider)
    {
        var errors = Validate(new DatabaseOptions { Provider = provider, ConnectionString = "Host=localhost" });

        var error = Assert.Single(errors);
        Assert.Contains("Database__Provider", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("'postgres' or 'sqlserver'", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlserver")]
    public void An_accepted_provider_passes_validation(string provider) =>
        Assert.Empty(Validate(new DatabaseOptions { Provider = provider, ConnectionString = "Server=localhost" }));

    [Fact]
    public void The_default_provider_is_postgres() => Assert.Equal(DatabaseProviders.Postgres, new DatabaseOptions().Provider);

    [Fact]
    public void Opening_an_unknown_provider_throws_rather_than_guessing()
    {
        var e = Assert.Throws<NotSupportedException>(() =>
            Database.CreateDataSource(new DatabaseOptions { Provider = "oracle", ConnectionString = "x" }));
        Assert.Contains("oracle", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_provider_gets_its_own_client_and_the_pool_limit()
    {
        var sqlServer = new DatabaseOptions
        {
            Provider = DatabaseProviders.SqlServer, ConnectionString = "Server=db;Database=pledges;User Id=u;Password=p", MaxPoolSize = 17,
        };
        var postgres = new DatabaseOptions
        {
            Provider = DatabaseProviders.Postgres, ConnectionString = "Host=db;Database=pledges;Username=u;Password=p", MaxPoolSize = 17,
        };

        Assert.Equal(17, new SqlConnectionStringBuilder(Database.WithPoolLimit(sqlServer)).MaxPoolSize);
        Assert.Equal(17, new NpgsqlConnectionStringBuilder(Database.WithPoolLimit(postgres)).MaxPoolSize);
        Assert.IsType<SqlConnection>(Database.CreateDataSource(sqlServer).CreateConnection());
        Assert.IsType<NpgsqlConnection>(Database.CreateDataSource(postgres).CreateConnection());
    }

    [Fact]
    public void A_pool_size_given_in_the_connection_string_wins()
    {
        var options = new DatabaseOptions
        {
            Provider = DatabaseProviders.SqlServer, ConnectionString = "Server=db;Max Pool Size=5", MaxPoolSize = 17,
        };
        Assert.Equal(5, new SqlConnectionStringBuilder(Database.WithPoolLimit(options)).MaxPoolSize);
    }

    [Fact]
    public void A_list_parameter_is_an_array_for_postgres_and_a_json_array_for_sql_server()
    {
        Assert.Equal(new[] { "a", "b" }, Database.ListParameter(DatabaseProviders.Postgres, ["a", "b"]));
        Assert.Equal("""["a","b"]""", Database.ListParameter(DatabaseProviders.SqlServer, ["a", "b"]));
    }

    [Fact]
    public void A_consistent_read_is_a_snapshot_on_both_stores()
    {
        Assert.Equal(System.Data.IsolationLevel.RepeatableRead, Database.SnapshotIsolationOf(DatabaseProviders.Postgres));
        Assert.Equal(System.Data.IsolationLevel.Snapshot, Database.SnapshotIsolationOf(DatabaseProviders.SqlServer));
    }

    private static List<ValidationResult> Validate(DatabaseOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
