using MassTransit;
using TrustFund.Contracts.Messages;

namespace TrustFund.Reporting.Ledger;

/// <summary>
/// Events of a pledge may overtake its <see cref="PledgeRecorded"/> (each type has its own queue): they wait for it,
/// retried every two seconds for up to two minutes, before the message goes to the error queue.
/// </summary>
public class PledgeBookConsumerDefinition<T> : ConsumerDefinition<T>
    where T : class, IConsumer
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<T> consumerConfigurator,
        IRegistrationContext context) =>
        consumerConfigurator.UseMessageRetry(retry =>
        {
            retry.Handle<PledgeNotBookedException>();
            retry.Interval(60, TimeSpan.FromSeconds(2));
        });
}
