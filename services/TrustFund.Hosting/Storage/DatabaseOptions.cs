using System.ComponentModel.DataAnnotations;

namespace TrustFund.Hosting.Storage;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>SQL dialect and client: <c>postgres</c> (the default) or <c>sqlserver</c>; see <see cref="DatabaseProviders"/>.</summary>
    [Required(ErrorMessage = DatabaseProviders.Refusal)]
    [RegularExpression(DatabaseProviders.Pattern, ErrorMessage = DatabaseProviders.Refusal)]
    public string Provider { get; set; } = DatabaseProviders.Postgres;

    [Required(ErrorMessage = "Database:ConnectionString is required.")]
    public string ConnectionString { get; set; } = "";

    /// <summary>Connections this service may hold open at once, unless the connection string says otherwise.</summary>
    [Range(2, 500)]
    public int MaxPoolSize { get; set; } = 30;

    /// <summary>Apply migrations when the service starts (development convenience; deployments run the migrate command).</summary>
    public bool MigrateOnStartup { get; set; }
}
