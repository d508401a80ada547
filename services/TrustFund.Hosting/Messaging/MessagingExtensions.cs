using System.Reflection;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TrustFund.Hosting.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ: durable quorum queues named after the service (so two services consuming the
    /// same event each get their own queue), publisher confirms, retries with growing intervals and then the
    /// error queue. Redelivery through the broker's delayed-message plugin is not used: Debian's RabbitMQ lacks it.
    /// </summary>
    public static IServiceCollection AddTrustFundMessaging(this IServiceCollection services, string serviceName, Assembly consumers)
    {
        services.AddSingleton(ConsumerQueues.Of(serviceName, consumers));
        services.AddSingleton<ErrorQueues>();
        services.AddMassTransit(bus =>
        {
            // No usage reports to the library vendor: a ledger talks to its own broker and nothing else.
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            bus.AddConsumers(consumers);
            // Every service keeps its copy of who manages each fund (Earmarking's own events find it up to date).
            bus.AddConsumer<Auth.FundManagersChangedConsumer>();
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                }
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var options = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                rabbit.Host(options.Host, options.Port, options.VirtualHost, host =>
                {
                    host.Username(options.Username);
                    host.Password(options.Password);
                    host.PublisherConfirmation = true;
                });
                rabbit.PrefetchCount = options.PrefetchCount;
                rabbit.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Exponential(options.RetryLimit, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(400));
                    retry.Ignore<PermanentFailureException>();
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        return services;
    }
}
