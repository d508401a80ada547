using TrustFund.Hosting.Messaging;

namespace TrustFund.Reporting.Ledger;

public sealed record JournalLine(string Account, string? DonorId, string Currency, decimal Debit, decimal Credit);

/// <summary>A posting: its lines must balance, debits equal credits in every currency, or it is never written.</summary>
public sealed record JournalEntry(string SourceType, string SourceId, string FundId, DateOnly ValueDate, string Description, IReadOnlyList<JournalLine> Lines,
    string? ProjectId = null, string? PartnerId = null)
{
    public void EnsureBalanced()
    {
        if (Lines.Count < 2)
        {
            throw new UnbalancedEntryException($"Entry for {SourceType} {SourceId} has {Lines.Count} line(s); a posting needs at least two.");
        }
        foreach (var line in Lines)
        {
            if (line.Debit < 0 || line.Credit < 0 || (line.Debit == 0) == (line.Credit == 0))
            {
                throw new UnbalancedEntryException($"Entry for {SourceType} {SourceId}: each line is either a positive debit or a positive credit ({line}).");
            }
        }
        foreach (var currency in Lines.GroupBy(l => l.Currency))
        {
            var debits = currency.Sum(l => l.Debit);
            var credits = currency.Sum(l => l.Credit);
            if (debits != credits)
            {
                throw new UnbalancedEntryException($"Entry for {SourceType} {SourceId} does not balance in {currency.Key}: debits {debits}, credits {credits}.");
            }
        }
    }
}

/// <summary>A bug in a posting rule: the consumer stops (the message goes to the error queue) rather than write it.</summary>
public sealed class UnbalancedEntryException(string message) : PermanentFailureException(message);
