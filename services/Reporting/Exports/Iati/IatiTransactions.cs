using TrustFund.Contracts.Messages;
using TrustFund.Reporting.Ledger;

namespace TrustFund.Reporting.Exports.Iati;

/// <summary>
/// A transaction of a project's activity, derived from one journal entry (<see cref="SourceType"/>/<see cref="SourceId"/>,
/// the ledger's by-source key). <see cref="Counterpart"/> is the donor of incoming money and pledges, the partner of
/// disbursements; the other side is always the trustee.
/// </summary>
public sealed record IatiTransaction(string ProjectId, int Type, DateOnly Date, decimal Value, string Currency, string Description, string Counterpart,
    int? EarmarkingCategory, string SourceType, string SourceId)
{
    public bool Incoming => Type != IatiCodes.Disbursement;
}

/// <summary>The codes of IATI's codelists the export uses.</summary>
public static class IatiCodes
{
    public const int IncomingFunds = 1;
    public const int Disbursement = 3;
    public const int IncomingPledge = 13;

    /// <summary>IATI's EarmarkingCategory (aid-type vocabulary 2): fund core 1 (unearmarked), window 2 (softly earmarked), project 3 (earmarked).</summary>
    public static int? EarmarkingCategory(string? earmarkKind) => earmarkKind switch
    {
        EarmarkKinds.Unearmarked => 1,
        EarmarkKinds.Window => 2,
        EarmarkKinds.Project => 3,
        _ => null,
    };
}

/// <summary>How journal entries become IATI transactions (the mapping table in the service's README).</summary>
public static class IatiTransactions
{
    private static readonly string[] PledgeSources = ["pledge", "pledge-amendment", "pledge-cancellation", "pledge-write-off"];

    /// <summary>The transactions of all entries, in posting order; within an entry, money in before money out.</summary>
    public static IReadOnlyList<IatiTransaction> Of(IEnumerable<IatiLedgerLine> lines) =>
    [
        .. lines.GroupBy(l => l.EntryId).OrderBy(e => e.First().PostingDate).ThenBy(e => e.Key)
            .SelectMany(e => OfEntry([.. e]).OrderBy(t => t.Incoming ? 0 : 1).ThenBy(t => t.Counterpart, StringComparer.Ordinal)
                .ThenBy(t => t.EarmarkingCategory).ThenBy(t => t.Currency, StringComparer.Ordinal)),
    ];

    private static IEnumerable<IatiTransaction> OfEntry(IReadOnlyList<IatiLedgerLine> lines)
    {
        var entry = lines[0];
        return entry.SourceType switch
        {
            // Money earmarked to the project, counted when it arrives: the cash the donor paid.
            "contribution" => PerDonor(lines, Accounts.Cash, IatiCodes.IncomingFunds, _ => entry.Description),
            // The pledge as recorded and each change of it (amended, cancelled, written off), by the receivable's movement.
            _ when PledgeSources.Contains(entry.SourceType) => PerDonor(lines, Accounts.ContributionsReceivable, IatiCodes.IncomingPledge, _ => entry.Description),
            "disbursement" => Transfer(lines, Accounts.TransfersToPartners, entry.Description,
                kind => $"{KindName(kind)} money of the donor paid out to the project ({entry.Description})"),
            "refund" => Transfer(lines, Accounts.RefundsFromPartners, $"Refund of unspent funds ({entry.Description})",
                kind => $"{KindName(kind)} money of the donor returned to the {(kind == EarmarkKinds.Window ? "window" : "fund core")} with a refund ({entry.Description})"),
            _ => [],
        };
    }

    /// <summary>
    /// A transfer to the partner (or a refund from it, negative): one disbursement per currency, and the money of
    /// windows and fund core it carried as incoming funds of the project from each donor. Project-earmarked money was
    /// counted when it arrived.
    /// </summary>
    private static IEnumerable<IatiTransaction> Transfer(IReadOnlyList<IatiLedgerLine> lines, string account, string description, Func<string?, string> poolDescription)
    {
        var entry = lines[0];
        var incoming = PerDonor(lines.Where(l => l.EarmarkKind is EarmarkKinds.Window or EarmarkKinds.Unearmarked).ToList(), account, IatiCodes.IncomingFunds,
            poolDescription);
        var outgoing = lines.Where(l => l.Account == account).GroupBy(l => l.Currency.Trim(), StringComparer.Ordinal)
            .Select(c => Transaction(entry, IatiCodes.Disbursement, c.Sum(l => l.Debit - l.Credit), c.Key, description, entry.PartnerId ?? "(unknown partner)", null));
        return incoming.Concat(outgoing).Where(t => t.Value != 0);
    }

    private static IEnumerable<IatiTransaction> PerDonor(IReadOnlyList<IatiLedgerLine> lines, string account, int type, Func<string?, string> description) =>
        lines.Where(l => l.Account == account).GroupBy(l => (Donor: l.DonorId ?? "(unknown donor)", l.EarmarkKind, Currency: l.Currency.Trim()))
            .Select(g => Transaction(lines[0], type, g.Sum(l => l.Debit - l.Credit), g.Key.Currency, description(g.Key.EarmarkKind), g.Key.Donor,
                IatiCodes.EarmarkingCategory(g.Key.EarmarkKind)))
            .Where(t => t.Value != 0);

    private static IatiTransaction Transaction(IatiLedgerLine entry, int type, decimal value, string currency, string description, string counterpart, int? category) =>
        new(entry.ProjectId, type, entry.ValueDate, value, currency, description, counterpart, category, entry.SourceType, entry.SourceId);

    private static string KindName(string? kind) => kind == EarmarkKinds.Window ? "Window" : "Fund core (unearmarked)";
}
