using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Dapper;
using MassTransit;
using Npgsql;
using RabbitMQ.Client;
using TrustFund.Contracts.Messages;

namespace TrustFund.IntegrationTests.Infrastructure;

/// <summary>
/// The four services as real processes against the real PostgreSQL and RabbitMQ, on fresh test databases,
/// plus a bus of the tests' own for publishing events the way a service would.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public static readonly int BasePort = 5201 + (int.TryParse(TestEnvironment.Slot, out var slot) ? 10 * slot : 0);

    private readonly Dictionary<string, ServiceProcess> services = new(StringComparer.Ordinal);

    public TestEnvironment Env => TestEnvironment.Current;

    public IBusControl Bus { get; private set; } = null!;

    /// <summary>Every <see cref="ContributionReceived"/> published on the test virtual host, in delivery order.</summary>
    public ConcurrentQueue<ContributionReceived> Published { get; } = new();

    public ServiceProcess this[string service] => services[service];

    public ServiceProcess Pledges => services["Pledges"];

    public ServiceProcess Earmarking => services["Earmarking"];

    public ServiceProcess Disbursements => services["Disbursements"];

    public ServiceProcess Reporting => services["Reporting"];

    public static int PortOf(string service) => BasePort + TestEnvironment.Services.ToList().IndexOf(service);

    public async Task InitializeAsync()
    {
        foreach (var service in TestEnvironment.Services)
        {
            await ResetDatabaseAsync(service);
        }
        await PurgeQueuesAsync();
        await Task.WhenAll(TestEnvironment.Services.Select(async service =>
        {
            var (exitCode, output) = await ServiceProcess.RunCommandAsync(service, "migrate");
            Assert.True(exitCode == 0, $"{service} migrate failed ({exitCode}): {output}");
        }));
        var started = await Task.WhenAll(TestEnvironment.Services.Select(s => ServiceProcess.StartAsync(s, PortOf(s))));
        foreach (var process in started)
        {
            services[process.Name] = process;
        }

        Bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(Env.RabbitHost, Env.RabbitPort, Env.RabbitVirtualHost, h =>
            {
                h.Username(Env.RabbitUser);
                h.Password(Env.RabbitPassword);
            });
            // Sees every ContributionReceived in the order the broker delivers it (one at a time).
            cfg.ReceiveEndpoint("trustfund-tests-probe", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.PrefetchCount = 1;
                e.ConcurrentMessageLimit = 1;
                e.Handler<ContributionReceived>(context =>
                {
                    Published.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
        await Bus.StartAsync();
        await this.RegisterDonorsAsync(FundSetup.StandardDonors);
    }

    public async Task DisposeAsync()
    {
        if (Bus is not null)
        {
            await Bus.StopAsync();
        }
        foreach (var process in services.Values)
        {
            await process.DisposeAsync();
        }
    }

    /// <summary>Replaces a running service by another process of it (e.g. after a kill, or with other settings).</summary>
    public async Task<ServiceProcess> RestartAsync(string service, IReadOnlyDictionary<string, string>? overrides = null)
    {
        await services[service].DisposeAsync();
        services[service] = await ServiceProcess.StartAsync(service, PortOf(service), overrides);
        return services[service];
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string role, object? body = null,
        string? idempotencyKey = null, IReadOnlyDictionary<string, string>? claims = null, string subject = "test-user")
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Env.Token(subject, role, claims));
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        if (body is not null)
        {
            request.Content = body as HttpContent ?? System.Net.Http.Json.JsonContent.Create(body);
        }
        return request;
    }

    public NpgsqlConnection OpenDatabase(string service)
    {
        var connection = new NpgsqlConnection(Env.ConnectionString(service));
        connection.Open();
        return connection;
    }

    /// <summary>
    /// The service's test database as a superuser attacker would open it: <c>session_replication_role = replica</c>
    /// keeps ordinary triggers (the append-only guards) from firing, so tests can tamper with what the service
    /// itself can only append to, and check that the tampering is found.
    /// </summary>
    public async Task<NpgsqlConnection> OpenDatabaseAsSuperuserAsync(string service)
    {
        var connection = new NpgsqlConnection(Env.SuperuserConnectionString(Env.TestDatabase(service)));
        await connection.OpenAsync();
        await connection.ExecuteAsync("SET session_replication_role = replica");
        return connection;
    }

    public async Task<long> CountAsync(string service, string sql, object? parameters = null)
    {
        await using var connection = OpenDatabase(service);
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    /// <summary>A plain RabbitMQ client on the test virtual host, for looking at queues directly.</summary>
    public ConnectionFactory RabbitConnectionFactory() => new()
    {
        HostName = Env.RabbitHost, Port = Env.RabbitPort, VirtualHost = Env.RabbitVirtualHost,
        UserName = Env.RabbitUser, Password = Env.RabbitPassword,
    };

    /// <summary>Waits until a count query on a service's database gives <paramref name="expected"/>.</summary>
    public Task WaitForCountAsync(string service, string sql, object parameters, long expected, string what, TimeSpan? timeout = null) =>
        Eventually.GetAsync(async () => await CountAsync(service, sql, parameters) == expected ? "reached" : null, what, timeout);

    private async Task ResetDatabaseAsync(string service)
    {
        await using var connection = new NpgsqlConnection(Env.ConnectionString(service));
        await connection.OpenAsync();
        await connection.ExecuteAsync("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    }

    private async Task PurgeQueuesAsync()
    {
        await using var connection = await RabbitConnectionFactory().CreateConnectionAsync();
        var queues = TestEnvironment.Services.Select(s => $"{s.ToLowerInvariant()}-contribution-received")
            .Concat(["earmarking-reserve-funds", "earmarking-release-reservation", "earmarking-consume-reservation"]);
        foreach (var queue in queues)
        {
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                await channel.QueuePurgeAsync(queue);
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                // The queue does not exist yet: nothing left over to purge.
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "system";
}
