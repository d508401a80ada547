using TrustFund.Contracts.Messages;

namespace TrustFund.Reporting.Ledger;

/// <summary>How each event becomes a journal entry (the table in the service's README).</summary>
public static class PostingRules
{
    public static JournalEntry For(ContributionReceived c)
    {
        var revenue = c.Earmark.Kind == EarmarkKinds.Unearmarked
            ? Accounts.ContributionRevenueUnrestricted
            : Accounts.ContributionRevenueRestricted;
        var purpose = c.Earmark.Kind switch
        {
            EarmarkKinds.Window => $" earmarked to window {c.Earmark.WindowId}",
            EarmarkKinds.Project => $" earmarked to project {c.Earmark.ProjectId}",
            _ => "",
        };
        // Booked in the fund's base currency when the sender converted it; the original amount stays in the description.
        var (amount, currency, converted) = c.BaseAmount is { } baseAmount && c.BaseCurrency is { } baseCurrency && baseCurrency != c.Currency
            ? (baseAmount, baseCurrency, $" ({c.Amount} {c.Currency} at {c.ExchangeRate})")
            : (c.Amount, c.Currency, "");
        return new JournalEntry(SourceTypes.Contribution, c.ContributionId.ToString(), c.FundId, c.ValueDate,
            $"Contribution from {c.DonorId}{purpose}{converted}",
            [
                new JournalLine(Accounts.Cash, c.DonorId, currency, amount, 0m, EarmarkKind: c.Earmark.Kind),
                new JournalLine(revenue, c.DonorId, currency, 0m, amount, EarmarkKind: c.Earmark.Kind),
            ], c.Earmark.ProjectId) { WindowId = c.Earmark.WindowId };
    }

    /// <summary>The administrative agent's fee, taken when a contribution is pooled: cash goes to the trustee. None when no fee was taken.</summary>
    public static JournalEntry? For(ContributionPooled p) =>
        p.Fee <= 0 ? null : new JournalEntry(SourceTypes.Fee, p.ContributionId.ToString(), p.FundId, p.ValueDate, $"Administrative agent fee on contribution from {p.DonorId}",
            FeeLines(p.DonorId, p.Earmark, p.Currency, p.Fee));

    /// <summary>The fee on suspense money whose fund did not exist when it arrived, taken when it is re-targeted.</summary>
    public static JournalEntry? For(SuspenseRetargeted r) =>
        r.Fee <= 0 ? null : new JournalEntry(SourceTypes.RetargetFee, r.ContributionId.ToString(), r.FundId, DateOnly.FromDateTime(r.RetargetedAt.UtcDateTime),
            $"Administrative agent fee on re-targeted contribution from {r.DonorId} ({r.DonorAgreementReference})", FeeLines(r.DonorId, r.Earmark, r.Currency, r.Fee));

    /// <summary>
    /// The fee is paid out of the contribution; when that money is earmarked, the donor agreement allows this use of it,
    /// so the fee is released from restriction, as the earmarked pool holds the contribution net of the fee.
    /// </summary>
    private static List<JournalLine> FeeLines(string donorId, Earmark earmark, string currency, decimal fee)
    {
        List<JournalLine> lines =
        [
            new(Accounts.AdministrativeAgentFee, donorId, currency, fee, 0m, EarmarkKind: earmark.Kind),
            new(Accounts.Cash, donorId, currency, 0m, fee, EarmarkKind: earmark.Kind),
        ];
        if (earmark.Kind is EarmarkKinds.Window or EarmarkKinds.Project)
        {
            lines.Add(new(Accounts.ReleasedFromRestrictionWith, donorId, currency, fee, 0m, EarmarkKind: earmark.Kind));
            lines.Add(new(Accounts.ReleasedFromRestrictionWithout, donorId, currency, 0m, fee, EarmarkKind: earmark.Kind));
        }
        return lines;
    }

    /// <summary>
    /// Money paid to an implementing partner, per donor whose money paid; the part that was earmarked (window or
    /// project) is released from restriction, since it was spent on its purpose.
    /// </summary>
    public static JournalEntry For(FundsDisbursed d)
    {
        var lines = new List<JournalLine>();
        foreach (var share in d.Lines.GroupBy(l => (l.DonorId, l.EarmarkKind)).OrderBy(g => g.Key.DonorId, StringComparer.Ordinal).ThenBy(g => g.Key.EarmarkKind, StringComparer.Ordinal))
        {
            lines.Add(new JournalLine(Accounts.TransfersToPartners, share.Key.DonorId, d.Currency, share.Sum(l => l.Amount), 0m, EarmarkKind: share.Key.EarmarkKind));
            lines.Add(new JournalLine(Accounts.Cash, share.Key.DonorId, d.Currency, 0m, share.Sum(l => l.Amount), EarmarkKind: share.Key.EarmarkKind));
        }
        lines.AddRange(Restriction(d.Lines, d.Currency, release: true));
        return new JournalEntry(SourceTypes.Disbursement, d.RequestId.ToString(), d.FundId, d.ValueDate,
            $"Transfer to {d.PartnerId} for project {d.ProjectId}{(d.PaymentReference is null ? "" : $" ({d.PaymentReference})")}", lines, d.ProjectId, d.PartnerId);
    }

    /// <summary>Unspent money returned by a partner; what goes back to earmarked pools is restricted again.</summary>
    public static JournalEntry For(RefundCredited r)
    {
        var lines = new List<JournalLine>();
        foreach (var share in r.Lines.GroupBy(l => (l.DonorId, l.EarmarkKind)).OrderBy(g => g.Key.DonorId, StringComparer.Ordinal).ThenBy(g => g.Key.EarmarkKind, StringComparer.Ordinal))
        {
            lines.Add(new JournalLine(Accounts.Cash, share.Key.DonorId, r.Currency, share.Sum(l => l.Amount), 0m, EarmarkKind: share.Key.EarmarkKind));
            lines.Add(new JournalLine(Accounts.RefundsFromPartners, share.Key.DonorId, r.Currency, 0m, share.Sum(l => l.Amount), EarmarkKind: share.Key.EarmarkKind));
        }
        lines.AddRange(Restriction(r.Lines, r.Currency, release: false));
        return new JournalEntry(SourceTypes.Refund, r.RefundId.ToString(), r.FundId, r.ValueDate, $"Refund from {r.PartnerId} of project {r.ProjectId}", lines,
            r.ProjectId, r.PartnerId);
    }

    /// <summary>
    /// Interest earned by the fund, booked to whose pools it was credited: each donor's share is that donor's cash and
    /// income (restricted where the pool is earmarked), so a donor statement holds what the donor's pools hold; interest
    /// credited to core as the fund's own income has no donor.
    /// </summary>
    public static JournalEntry For(InterestAllocated i)
    {
        var lines = new List<JournalLine>();
        foreach (var share in i.Lines.GroupBy(l => (Donor: l.DonorId == PoolLine.FundIncome ? null : l.DonorId, l.EarmarkKind))
                     .OrderBy(g => g.Key.Donor, StringComparer.Ordinal).ThenBy(g => g.Key.EarmarkKind, StringComparer.Ordinal))
        {
            var amount = share.Sum(l => l.Amount);
            var income = IsEarmarked(share.Key.EarmarkKind) ? Accounts.InterestIncomeRestricted : Accounts.InterestIncomeUnrestricted;
            lines.Add(new JournalLine(Accounts.Cash, share.Key.Donor, i.Currency, amount, 0m, EarmarkKind: share.Key.EarmarkKind));
            lines.Add(new JournalLine(income, share.Key.Donor, i.Currency, 0m, amount, EarmarkKind: share.Key.EarmarkKind));
        }
        return new JournalEntry(SourceTypes.Interest, i.InterestId.ToString(), i.FundId, i.PeriodEnd,
            $"Interest {i.PeriodStart:yyyy-MM-dd}..{i.PeriodEnd:yyyy-MM-dd} ({i.Method})", lines);
    }

    private static bool IsEarmarked(PoolLine line) => IsEarmarked(line.EarmarkKind);

    private static bool IsEarmarked(string earmarkKind) => earmarkKind is EarmarkKinds.Window or EarmarkKinds.Project;

    /// <summary>Reclassifies earmarked money between net assets with and without donor restrictions, per donor.</summary>
    private static IEnumerable<JournalLine> Restriction(IEnumerable<PoolLine> lines, string currency, bool release)
    {
        foreach (var share in lines.Where(IsEarmarked).GroupBy(l => l.DonorId, StringComparer.Ordinal))
        {
            var amount = share.Sum(l => l.Amount);
            yield return new JournalLine(release ? Accounts.ReleasedFromRestrictionWith : Accounts.ReleasedFromRestrictionWithout, share.Key, currency, amount, 0m);
            yield return new JournalLine(release ? Accounts.ReleasedFromRestrictionWithout : Accounts.ReleasedFromRestrictionWith, share.Key, currency, 0m, amount);
        }
    }
}
