using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Operations;
using TrustFund.Hosting.Storage;

namespace TrustFund.Hosting;

/// <summary>
/// The commands every service binary answers: no command runs the service; <c>migrate</c> applies its
/// database migrations and exits (what deployment runs before starting it); <c>dev-token</c> prints a
/// token signed with the configured key, for local use; <c>error-queue</c> and <c>outbox parked</c> let an operator
/// list, inspect, replay or discard (audited) messages that failed or could not be published.
/// </summary>
public static class ServiceCommands
{
    /// <summary>Whether the process was started to run a command rather than the service.</summary>
    public static bool IsCommand(IReadOnlyList<string> args) =>
        args.Count > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal);

    public static async Task<int> RunServiceAsync(this WebApplication app, string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case null:
            case var flag when flag.StartsWith('-') || flag.Contains('=', StringComparison.Ordinal):
                await app.RunAsync();
                return 0;
            case "migrate":
                return await MigrateAsync(app);
            case "dev-token":
                return DevToken(app, args[1..]);
            case "error-queue":
                return await OperateAsync(app, "TrustFund.ErrorQueue", (services, logger) => new ErrorQueueCommand(
                    services.GetRequiredService<ErrorQueues>(), services.GetRequiredService<Database>(), services.GetRequiredService<AuditTrail>(), logger)
                    .RunAsync(args[1..], CancellationToken.None));
            case "outbox":
                return await OperateAsync(app, "TrustFund.Outbox", (services, logger) => new ParkedOutboxCommand(
                    services.GetRequiredService<Database>(), services.GetRequiredService<AuditTrail>(), services.GetRequiredService<TimeProvider>(), logger)
                    .RunAsync(args[1..], CancellationToken.None));
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Commands: (none) to run, migrate, dev-token --subject S --role R [--role R2] [--donor-id D] [--partner-id P] [--hours H], " +
                    $"{ErrorQueueCommand.Usage}, {ParkedOutboxCommand.Usage}.");
                return 2;
        }
    }

    private static async Task<int> MigrateAsync(WebApplication app)
    {
        var database = app.Services.GetRequiredService<Database>();
        var migrator = app.Services.GetRequiredService<Migrator>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TrustFund.Migrate");
        try
        {
            await using var connection = await database.OpenAsync();
            var applied = await migrator.MigrateAsync(connection, database.Sql.Migrations);
            logger.LogInformation("Database up to date: {Applied} migration(s) applied now, {Known} known", applied, database.Sql.Migrations.Count);
            return 0;
        }
        catch (MigrationChecksumMismatchException ex)
        {
            logger.LogError("{Error}", ex.Message);
            return 3;
        }
    }

    /// <summary>Runs an operator command: 0 done, 2 a usage error (nothing done), 1 a failure, each with a message saying why.</summary>
    private static async Task<int> OperateAsync(WebApplication app, string category, Func<IServiceProvider, ILogger, Task<int>> command)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);
        try
        {
            return await command(app.Services, logger);
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (CommandFailedException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
#pragma warning disable CA1031 // An operator gets the reason (broker or database unreachable, say) and a failing exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "{Category} failed", category);
            await Console.Error.WriteLineAsync($"Failed: {ex.Message}");
            return 1;
        }
    }

    private static int DevToken(WebApplication app, string[] args)
    {
        if (!app.Environment.IsDevelopment())
        {
            Console.Error.WriteLine("dev-token only runs with ASPNETCORE_ENVIRONMENT=Development: real tokens come from the identity provider.");
            return 2;
        }
        string? subject = null;
        var roles = new List<string>();
        var claims = new Dictionary<string, string>();
        var hours = 12.0;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--subject": subject = args[i + 1]; break;
                case "--role": roles.Add(args[i + 1]); break;
                case "--donor-id": claims[TrustFundClaims.DonorId] = args[i + 1]; break;
                case "--partner-id": claims[TrustFundClaims.PartnerId] = args[i + 1]; break;
                case "--hours": hours = double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                default: break;
            }
        }
        var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (subject is null || roles.Count == 0 || unknown.Count > 0)
        {
            Console.Error.WriteLine($"dev-token needs --subject and at least one --role of: {string.Join(", ", Roles.All)}." +
                (unknown.Count > 0 ? $" Unknown: {string.Join(", ", unknown)}." : ""));
            return 2;
        }
        var options = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        Console.WriteLine(DevTokenIssuer.Issue(options, subject, roles, claims, TimeSpan.FromHours(hours)));
        return 0;
    }
}
