using System.Diagnostics;
using System.Globalization;

namespace TrustFund.IntegrationTests.Infrastructure;

/// <summary>One service running as a real process (the same binary the local scripts start), with its output in a log file.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static int instances;
    private readonly Process process;
    private readonly StreamWriter log;

    private ServiceProcess(string name, int port, Process process, StreamWriter log, string logPath)
    {
        Name = name;
        Port = port;
        this.process = process;
        this.log = log;
        LogPath = logPath;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Name { get; }

    public int Port { get; }

    public string LogPath { get; }

    public HttpClient Client { get; }

    public bool HasExited => process.HasExited;

    public static string DllPath(string service)
    {
        // Built in the same configuration as the tests themselves (Debug or Release).
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        return Path.Combine(TestEnvironment.Current.RepositoryRoot, "services", service, "bin", configuration, "net10.0", $"TrustFund.{service}.dll");
    }

    private const string Unthrottled = "1000000";

    public static Dictionary<string, string> Settings(string service, int port, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var env = TestEnvironment.Current;
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Database__Provider"] = "postgres",
            ["Database__ConnectionString"] = env.ConnectionString(service).Replace(";Pooling=false", "", StringComparison.Ordinal),
            ["RabbitMq__Host"] = env.RabbitHost,
            ["RabbitMq__Port"] = env.RabbitPort.ToString(CultureInfo.InvariantCulture),
            ["RabbitMq__VirtualHost"] = env.RabbitVirtualHost,
            ["RabbitMq__Username"] = env.RabbitUser,
            ["RabbitMq__Password"] = env.RabbitPassword,
            ["Auth__Issuer"] = env["TF_AUTH_ISSUER"],
            ["Auth__Audience"] = env["TF_AUTH_AUDIENCE"],
            ["Auth__SigningKey"] = env["TF_AUTH_SIGNING_KEY"],
            ["Outbox__PollInterval"] = "00:00:00.500",
            ["Reservations__ExpiryPollInterval"] = "00:00:00.300",
            ["Reservations__ConsumeGrace"] = "00:00:00", // tests of expiry see it at once; those of the grace set one
            ["Reconciliation__Earmarking"] = $"http://127.0.0.1:{SystemFixture.PortOf("Earmarking")}",
            ["Reconciliation__Pledges"] = $"http://127.0.0.1:{SystemFixture.PortOf("Pledges")}",
            ["Reconciliation__Disbursements"] = $"http://127.0.0.1:{SystemFixture.PortOf("Disbursements")}",
            // The suite drives each service from a few subjects and one address, far faster than any caller should:
            // its own traffic is never throttled. LimitsTests start a service of their own with low limits.
            ["RateLimits__AuthenticatedTokenLimit"] = Unthrottled,
            ["RateLimits__AuthenticatedTokensPerPeriod"] = Unthrottled,
            ["RateLimits__AnonymousTokenLimit"] = Unthrottled,
            ["RateLimits__AnonymousTokensPerPeriod"] = Unthrottled,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>Runs a command of the service binary (e.g. <c>migrate</c>) to completion; returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> RunCommandAsync(string service, params string[] args) =>
        RunCommandAsync(service, new Dictionary<string, string>(), args);

    public static async Task<(int ExitCode, string Output)> RunCommandAsync(string service, IReadOnlyDictionary<string, string> overrides, params string[] args)
    {
        var info = StartInfo(service, Settings(service, 0, overrides), args);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await p.WaitForExitAsync(timeout.Token);
        return (p.ExitCode, await stdout + await stderr);
    }

    public static async Task<ServiceProcess> StartAsync(string service, int port, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var logDir = Path.Combine(TestEnvironment.Current.RepositoryRoot, ".local", "logs", "tests");
        Directory.CreateDirectory(logDir);
        var logPath = Path.Combine(logDir, $"{service.ToLowerInvariant()}-{Interlocked.Increment(ref instances)}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(StartInfo(service, Settings(service, port, overrides), []))!;
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new ServiceProcess(service, port, process, log, logPath);
        await running.WaitUntilReadyAsync();
        return running;
    }

    /// <summary>Ends the process at once, as a crash would (SIGKILL): nothing gets to flush or finish.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
        Client.Dispose();
        await log.DisposeAsync();
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} while starting; see {LogPath}");
            }
            try
            {
                using var response = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} was not ready within 60 s; see {LogPath}");
    }

    private static ProcessStartInfo StartInfo(string service, Dictionary<string, string> settings, string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(DllPath(service))!,
        };
        info.ArgumentList.Add(DllPath(service));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }
        return info;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            log.WriteLine(line);
        }
    }
}
