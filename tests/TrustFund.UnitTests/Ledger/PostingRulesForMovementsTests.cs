using FsCheck;
using FsCheck.Fluent;
using TrustFund.Contracts.Messages;
using TrustFund.Reporting.Ledger;
using TrustFund.Reporting.Statements;

namespace TrustFund.UnitTests.Ledger;

public sealed class PostingRulesForMovementsTests
{
    private static PoolLine Line(string donor, decimal amount, string kind) =>
        new() { PoolId = 1, DonorId = donor, EarmarkKind = kind, WindowId = kind == EarmarkKinds.Unearmarked ? "core" : "mercury", Amount = amount };

    private static FundsDisbursed Disbursed(params PoolLine[] lines) => new()
    {
        RequestId = Guid.NewGuid(), FundId = "f", WindowId = "mercury", ProjectId = "p1", PartnerId = "partner-1", Amount = lines.Sum(l => l.Amount),
        Currency = "USD", ValueDate = new DateOnly(2026, 11, 10), Lines = lines, Attribution = [], DisbursedAt = DateTimeOffset.UnixEpoch,
    };

    private static decimal Net(JournalEntry e, string account) => e.Lines.Where(l => l.Account == account).Sum(l => l.Debit - l.Credit);

    [Fact]
    public void A_disbursement_pays_the_partner_from_cash_and_releases_only_the_earmarked_part_from_restriction()
    {
        var entry = PostingRules.For(Disbursed(Line("a", 70m, EarmarkKinds.Project), Line("b", 20m, EarmarkKinds.Window), Line("c", 10m, EarmarkKinds.Unearmarked)));

        entry.EnsureBalanced();
        Assert.Equal((100m, -100m), (Net(entry, Accounts.TransfersToPartners), Net(entry, Accounts.Cash)));
        Assert.Equal((90m, -90m), (Net(entry, Accounts.ReleasedFromRestrictionWith), Net(entry, Accounts.ReleasedFromRestrictionWithout)));
    }

    [Fact]
    public void A_refund_brings_cash_back_and_restricts_again_what_returns_to_earmarked_pools()
    {
        var refund = new RefundCredited
        {
            RefundId = Guid.NewGuid(), RequestId = Guid.NewGuid(), FundId = "f", WindowId = "mercury", ProjectId = "p1", PartnerId = "partner-1",
            Amount = 30m, Currency = "USD", ValueDate = new DateOnly(2026, 11, 20), Lines = [Line("a", 25m, EarmarkKinds.Project), Line("c", 5m, EarmarkKinds.Unearmarked)],
            Attribution = [], RecordedBy = "finance-1",
        };
        var entry = PostingRules.For(refund);

        entry.EnsureBalanced();
        Assert.Equal((30m, -30m), (Net(entry, Accounts.Cash), Net(entry, Accounts.RefundsFromPartners)));
        Assert.Equal((-25m, 25m), (Net(entry, Accounts.ReleasedFromRestrictionWith), Net(entry, Accounts.ReleasedFromRestrictionWithout)));
    }

    [Fact]
    public void Interest_credited_to_earmarked_pools_is_restricted_income()
    {
        var entry = PostingRules.For(new InterestAllocated
        {
            InterestId = Guid.NewGuid(), FundId = "f", PeriodStart = new DateOnly(2026, 1, 1), PeriodEnd = new DateOnly(2026, 1, 31), Amount = 10m,
            Currency = "USD", Method = "pro-rata", Lines = [Line("a", 7.5m, EarmarkKinds.Window), Line("b", 2.5m, EarmarkKinds.Unearmarked)], RecordedBy = "finance-1",
        });

        entry.EnsureBalanced();
        Assert.Equal((10m, -7.5m, -2.5m), (Net(entry, Accounts.Cash), Net(entry, Accounts.InterestIncomeRestricted), Net(entry, Accounts.InterestIncomeUnrestricted)));
    }

    [Fact]
    public void The_fee_moves_cash_to_the_administrative_agent_and_no_fee_posts_nothing()
    {
        var pooled = new ContributionPooled
        {
            ContributionId = Guid.NewGuid(), FundId = "f", DonorId = "a", Earmark = Earmark.Unearmarked, Currency = "USD", Gross = 1000m, Fee = 10m, Net = 990m,
            PoolId = 1, ValueDate = new DateOnly(2026, 11, 2),
        };

        Assert.Equal(-10m, Net(PostingRules.For(pooled)!, Accounts.Cash));
        Assert.Null(PostingRules.For(pooled with { Fee = 0m, Net = 1000m }));
    }

    [Fact]
    public void The_fee_on_re_targeted_suspense_money_has_its_own_source_so_it_never_hides_behind_the_fee_on_receipt()
    {
        var id = Guid.NewGuid();
        var retarget = PostingRules.For(new SuspenseRetargeted
        {
            ContributionId = id, FundId = "f", DonorId = "a", Earmark = Earmark.Unearmarked, Amount = 985m, Fee = 15m, Currency = "USD",
            DonorAgreementReference = "letter", FromPoolId = 1, ToPoolId = 2, RetargetedBy = "manager-1", RetargetedAt = DateTimeOffset.UnixEpoch,
        })!;
        var onReceipt = PostingRules.For(new ContributionPooled
        {
            ContributionId = id, FundId = "f", DonorId = "a", Earmark = Earmark.Unearmarked, Currency = "USD", Gross = 1000m, Fee = 15m, Net = 985m,
            PoolId = 1, ValueDate = new DateOnly(2026, 11, 2),
        })!;

        Assert.NotEqual((onReceipt.SourceType, onReceipt.SourceId), (retarget.SourceType, retarget.SourceId));
        Assert.Equal((15m, -15m), (Net(retarget, Accounts.AdministrativeAgentFee), Net(retarget, Accounts.Cash)));
    }

    private static readonly Gen<(int Kind, int Cents, string Earmark, int Donor)> Event =
        from kind in Gen.Choose(0, 5)
        from cents in Gen.Choose(1, 1_000_000)
        from earmark in Gen.Elements(EarmarkKinds.Unearmarked, EarmarkKinds.Window, EarmarkKinds.Project)
        from donor in Gen.Choose(0, 2)
        select (kind, cents, earmark, donor);

    /// <summary>
    /// One event of each kind that moves a fund's cash, posted; with the pool line it moves and by how much it changes
    /// what that line's donor holds (fund income, interest credited to core, belongs to no donor).
    /// </summary>
    private static (JournalEntry Entry, PoolLine Line, decimal Held) Post((int Kind, int Cents, string Earmark, int Donor) e)
    {
        var amount = e.Cents / 100m;
        var line = Line(e.Kind == 5 ? PoolLine.FundIncome : $"donor-{e.Donor}", amount, e.Earmark);
        var earmark = e.Earmark == EarmarkKinds.Unearmarked ? Earmark.Unearmarked
            : new Earmark { Kind = e.Earmark, WindowId = "w", ProjectId = e.Earmark == EarmarkKinds.Project ? "p" : null };
        var date = new DateOnly(2026, 1, 1);
        return e.Kind switch
        {
            0 => (PostingRules.For(new ContributionReceived
            {
                ContributionId = Guid.NewGuid(), FundId = "f", DonorId = line.DonorId, Earmark = earmark,
                Amount = amount, Currency = "USD", ValueDate = date, RecordedAt = DateTimeOffset.UnixEpoch, RecordedBy = "finance",
            }), line, amount),
            1 => (PostingRules.For(Disbursed(line)), line, -amount),
            2 => (PostingRules.For(new RefundCredited
            {
                RefundId = Guid.NewGuid(), RequestId = Guid.NewGuid(), FundId = "f", WindowId = "w", ProjectId = "p", PartnerId = "x", Amount = amount,
                Currency = "USD", ValueDate = date, Lines = [line], Attribution = [], RecordedBy = "finance",
            }), line, amount),
            4 => (PostingRules.For(new ContributionPooled
            {
                ContributionId = Guid.NewGuid(), FundId = "f", DonorId = line.DonorId, Earmark = earmark, Currency = "USD", Gross = amount * 10, Fee = amount,
                Net = amount * 9, PoolId = 1, ValueDate = date,
            })!, line, -amount),
            _ => (PostingRules.For(new InterestAllocated
            {
                InterestId = Guid.NewGuid(), FundId = "f", PeriodStart = date, PeriodEnd = date.AddDays(30),
                Amount = amount, Currency = "USD", Method = e.Kind == 5 ? "core" : "pro-rata", Lines = [line], RecordedBy = "finance",
            }), line, amount),
        };
    }

    [Fact]
    public void Property_any_sequence_of_events_gives_a_trial_balance_of_zero_and_cash_equal_to_the_events()
    {
        Prop.ForAll(Gen.ListOf(Event).ToArbitrary(), sequence =>
        {
            var posted = sequence.Select(Post).ToList();
            posted.ForEach(p => p.Entry.EnsureBalanced());
            var all = posted.SelectMany(p => p.Entry.Lines).ToList();
            return all.Sum(l => l.Debit - l.Credit) == 0m
                && all.Where(l => l.Account == Accounts.Cash).Sum(l => l.Debit - l.Credit) == posted.Sum(p => p.Held);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Interest_is_booked_to_the_donors_whose_pools_it_was_credited_to_and_core_interest_to_no_donor()
    {
        var entry = PostingRules.For(new InterestAllocated
        {
            InterestId = Guid.NewGuid(), FundId = "f", PeriodStart = new DateOnly(2026, 1, 1), PeriodEnd = new DateOnly(2026, 1, 31), Amount = 10m,
            Currency = "USD", Method = "pro-rata", Lines = [Line("a", 6m, EarmarkKinds.Window), Line("a", 1.5m, EarmarkKinds.Unearmarked), Line("b", 2.5m, EarmarkKinds.Unearmarked)],
            RecordedBy = "finance-1",
        });
        var core = PostingRules.For(new InterestAllocated
        {
            InterestId = Guid.NewGuid(), FundId = "f", PeriodStart = new DateOnly(2026, 2, 1), PeriodEnd = new DateOnly(2026, 2, 28), Amount = 4m,
            Currency = "USD", Method = "core", Lines = [Line(PoolLine.FundIncome, 4m, EarmarkKinds.Unearmarked)], RecordedBy = "finance-1",
        });

        decimal CashOf(JournalEntry e, string? donor) => e.Lines.Where(l => l.Account == Accounts.Cash && l.DonorId == donor).Sum(l => l.Debit - l.Credit);
        Assert.Equal((7.5m, 2.5m, 0m), (CashOf(entry, "a"), CashOf(entry, "b"), CashOf(entry, null)));
        Assert.Equal(-6m, entry.Lines.Where(l => l.Account == Accounts.InterestIncomeRestricted && l.DonorId == "a").Sum(l => l.Debit - l.Credit));
        Assert.Equal((4m, 0), (CashOf(core, null), core.Lines.Count(l => l.DonorId is not null)));
    }

    /// <summary>
    /// A donor statement's money held at the end is exactly what the events left in that donor's pools: contributions,
    /// less fees and transfers, plus refunds and the interest credited to its pools.
    /// </summary>
    [Fact]
    public void Property_each_donor_statement_holds_what_the_events_left_in_that_donors_pools()
    {
        Prop.ForAll(Gen.ListOf(Event).ToArbitrary(), sequence =>
        {
            var posted = sequence.Select(Post).ToList();
            var lines = posted.SelectMany(p => p.Entry.Lines.Select(l => (p.Entry.SourceType, Line: l))).ToList();
            return Enumerable.Range(0, 3).Select(d => $"donor-{d}").All(donor =>
            {
                var mine = lines.Where(l => l.Line.DonorId == donor)
                    .Select(l => new DonorLine(l.SourceType, l.Line.Account, l.Line.Currency, null, null, l.Line.EarmarkKind, true,
                        l.Line.Debit, l.Line.Credit, l.Line.Debit, l.Line.Credit))
                    .ToList();
                var statement = DonorStatement.Build("f", donor, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "USD", mine);
                var interest = posted.Where(p => p.Entry.SourceType == SourceTypes.Interest && p.Line.DonorId == donor).Sum(p => p.Held);
                return statement.HeldAtEnd == posted.Where(p => p.Line.DonorId == donor).Sum(p => p.Held) && statement.Interest == interest;
            });
        }).QuickCheckThrowOnFailure();
    }
}
