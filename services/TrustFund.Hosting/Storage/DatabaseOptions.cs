using System.ComponentModel.DataAnnotations;

namespace TrustFund.Hosting.Storage;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>SQL dialect and client: <c>postgres</c> today; <c>sqlserver</c> gets its own SQL files later.</summary>
    [Required]
    [RegularExpression(@"\A(postgres)\z", ErrorMessage = "Database:Provider must be 'postgres'.")]
    public string Provider { get; set; } = "postgres";

    [Required(ErrorMessage = "Database:ConnectionString is required.")]
    public string ConnectionString { get; set; } = "";

    /// <summary>Connections this service may hold open at once, unless the connection string says otherwise.</summary>
    [Range(2, 500)]
    public int MaxPoolSize { get; set; } = 30;

    /// <summary>Apply migrations when the service starts (development convenience; deployments run the migrate command).</summary>
    public bool MigrateOnStartup { get; set; }
}
