using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TrustFund.Reporting.Ledger;

/// <summary>A journal entry as stored: what its hash is taken over.</summary>
public sealed record StoredEntry(long EntryId, string SourceType, string SourceId, string FundId, DateOnly ValueDate, string Description,
    IReadOnlyList<LedgerLine> Lines, DateOnly? PostingDate = null, bool Adjustment = false, string? ProjectId = null, string? PartnerId = null,
    string? BaseCurrency = null, string? WindowId = null, Guid? PledgeId = null);

/// <summary>
/// The hash chain: SHA-256 over the previous entry's hash and this entry's canonical form (one field per line,
/// amounts with four decimals, dates in ISO form, invariant culture), so anyone can recompute it from an export.
/// </summary>
public static class EntryHash
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Canonical(StoredEntry e)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"entry:{e.EntryId}\nsource:{e.SourceType}/{e.SourceId}\nfund:{e.FundId}\nvalue-date:{e.ValueDate:yyyy-MM-dd}\n");
        text.Append(CultureInfo.InvariantCulture, $"description:{e.Description.Replace("\n", " ", StringComparison.Ordinal)}\n");
        if (e.Adjustment || (e.PostingDate is { } posting && posting != e.ValueDate))
        {
            // Only entries posted outside their value date's period carry these, so earlier entries keep their hashes.
            text.Append(CultureInfo.InvariantCulture, $"posting-date:{e.PostingDate:yyyy-MM-dd}\nadjustment:{(e.Adjustment ? "yes" : "no")}\n");
        }
        if (e.ProjectId is not null || e.PartnerId is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"project:{e.ProjectId}\npartner:{e.PartnerId}\n");
        }
        // Fields added to the ledger later appear only where set, so the entries posted before them keep their hashes.
        if (e.WindowId is not null || e.PledgeId is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"window:{e.WindowId}\npledge:{e.PledgeId}\n");
        }
        var foreign = e.Lines.Any(l => l.Debit != l.BaseDebit || l.Credit != l.BaseCredit);
        if (foreign)
        {
            text.Append(CultureInfo.InvariantCulture, $"base-currency:{e.BaseCurrency?.Trim()}\n");
        }
        foreach (var l in e.Lines.OrderBy(l => l.LineNo))
        {
            text.Append(CultureInfo.InvariantCulture, $"line:{l.LineNo}|{l.Account}|{l.DonorId ?? ""}|{l.Currency.Trim()}|{F4(l.Debit)}|{F4(l.Credit)}");
            if (foreign)
            {
                text.Append(CultureInfo.InvariantCulture, $"|base:{F4(l.BaseDebit)}|{F4(l.BaseCredit)}");
            }
            if (l.EarmarkKind is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"|earmark:{l.EarmarkKind}");
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string F4(decimal value) => value.ToString("F4", CultureInfo.InvariantCulture);

    public static string Compute(string previousHash, StoredEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{previousHash}\n{Canonical(entry)}")));
}
