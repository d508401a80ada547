using FsCheck;
using FsCheck.Fluent;
using TrustFund.Contracts.Messages;
using TrustFund.Reporting.Ledger;

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

    [Fact]
    public void Property_any_sequence_of_events_gives_a_trial_balance_of_zero_and_cash_equal_to_the_events()
    {
        var kinds = new[] { EarmarkKinds.Unearmarked, EarmarkKinds.Window, EarmarkKinds.Project };
        var events = Gen.ListOf(Gen.Choose(0, 3).Zip(Gen.Choose(1, 1_000_000)).Zip(Gen.Elements(kinds))).ToArbitrary();
        Prop.ForAll(events, sequence =>
        {
            var entries = new List<JournalEntry>();
            var expectedCash = 0m;
            foreach (var ((kind, cents), earmark) in sequence)
            {
                var amount = cents / 100m;
                var line = Line($"donor-{cents % 3}", amount, earmark);
                switch (kind)
                {
                    case 0:
                        entries.Add(PostingRules.For(new ContributionReceived
                        {
                            ContributionId = Guid.NewGuid(), FundId = "f", DonorId = line.DonorId,
                            Earmark = earmark == EarmarkKinds.Unearmarked ? Earmark.Unearmarked : new Earmark { Kind = earmark, WindowId = "w", ProjectId = earmark == EarmarkKinds.Project ? "p" : null },
                            Amount = amount, Currency = "USD", ValueDate = new DateOnly(2026, 1, 1), RecordedAt = DateTimeOffset.UnixEpoch, RecordedBy = "finance",
                        }));
                        expectedCash += amount;
                        break;
                    case 1:
                        entries.Add(PostingRules.For(Disbursed(line)));
                        expectedCash -= amount;
                        break;
                    case 2:
                        entries.Add(PostingRules.For(new RefundCredited
                        {
                            RefundId = Guid.NewGuid(), RequestId = Guid.NewGuid(), FundId = "f", WindowId = "w", ProjectId = "p", PartnerId = "x", Amount = amount,
                            Currency = "USD", ValueDate = new DateOnly(2026, 1, 1), Lines = [line], Attribution = [], RecordedBy = "finance",
                        }));
                        expectedCash += amount;
                        break;
                    default:
                        entries.Add(PostingRules.For(new InterestAllocated
                        {
                            InterestId = Guid.NewGuid(), FundId = "f", PeriodStart = new DateOnly(2026, 1, 1), PeriodEnd = new DateOnly(2026, 1, 31),
                            Amount = amount, Currency = "USD", Method = "pro-rata", Lines = [line], RecordedBy = "finance",
                        }));
                        expectedCash += amount;
                        break;
                }
            }
            entries.ForEach(e => e.EnsureBalanced());
            var all = entries.SelectMany(e => e.Lines).ToList();
            return all.Sum(l => l.Debit - l.Credit) == 0m
                && all.Where(l => l.Account == Accounts.Cash).Sum(l => l.Debit - l.Credit) == expectedCash;
        }).QuickCheckThrowOnFailure();
    }
}
