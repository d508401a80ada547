using System.Data.Common;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Logging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Hosting.Messaging;

/// <summary>
/// Keeps a service's local copy of another service's data from its events: each event runs one upsert (named
/// <paramref name="query"/> in the service's SQL) that keeps the highest version, so duplicates and late arrivals
/// change nothing.
/// </summary>
public abstract class CopyConsumer<T>(Database database, OutboxSignal signal, ILogger logger, string query, Func<T, object> parameters)
    : TransactionalConsumer<T>(database, signal, logger)
    where T : class
{
    protected override Task HandleAsync(ConsumeContext<T> context, DbTransaction transaction) =>
        transaction.Connection!.ExecuteAsync(Database.Sql[query], parameters(context.Message), transaction);
}
