using FsCheck;
using FsCheck.Fluent;
using TrustFund.Contracts.Amounts;
using TrustFund.Contracts.Messages;
using TrustFund.Reporting.Ledger;

namespace TrustFund.UnitTests.Ledger;

public sealed class PledgePostingsTests
{
    private static readonly Earmark ToProject = new() { Kind = EarmarkKinds.Project, WindowId = "mercury", ProjectId = "p1" };

    private static PledgeRecorded Pledge(decimal amount, string currency = "USD", decimal? rate = null, Earmark? earmark = null) => new()
    {
        PledgeId = Guid.NewGuid(), DonorId = "donor-eu", FundId = "f", Earmark = earmark ?? ToProject, Amount = amount, Currency = currency,
        PledgedOn = new DateOnly(2026, 1, 10), Kind = "voluntary", Instalments = [new InstalmentTerms { No = 1, DueDate = new DateOnly(2026, 6, 30), Amount = amount }],
        RecordedBy = "finance", RecordedAt = DateTimeOffset.UnixEpoch, BaseCurrency = "USD", ExchangeRate = rate ?? 1m,
        BaseAmount = rate is { } r ? Rounding.Round(amount * r, Currency.FromCode("USD")) : amount,
    };

    private static ContributionReceived Payment(BookedPledge pledge, decimal amount, decimal rate, decimal matched, Earmark? earmark = null)
    {
        var baseAmount = pledge.Foreign ? Rounding.Round(amount * rate, Currency.FromCode("USD")) : amount;
        return new ContributionReceived
        {
            ContributionId = Guid.NewGuid(), FundId = "f", DonorId = pledge.DonorId, Earmark = earmark ?? ToProject, Amount = amount, Currency = pledge.Currency,
            ExchangeRate = rate, BaseAmount = baseAmount, BaseCurrency = "USD", ValueDate = new DateOnly(2026, 3, 2), PledgeId = pledge.PledgeId,
            MatchedInstalments = matched == 0 ? [] : [new InstalmentPayment { No = 1, Amount = matched }], UnpledgedAmount = amount - matched,
            RecordedAt = DateTimeOffset.UnixEpoch, RecordedBy = "finance",
        };
    }

    /// <summary>Debit less credit of an account in one currency (amounts in that currency).</summary>
    private static decimal Net(IEnumerable<JournalEntry> entries, string account, string currency) =>
        entries.SelectMany(e => e.Lines).Where(l => l.Account == account && l.Currency == currency).Sum(l => l.Debit - l.Credit);

    /// <summary>Debit less credit of an account valued in the base currency.</summary>
    private static decimal Base(IEnumerable<JournalEntry> entries, string account) =>
        entries.SelectMany(e => e.Lines).Where(l => l.Account == account).Sum(l => l.BaseDebitValue - l.BaseCreditValue);

    [Fact]
    public void A_pledge_in_the_base_currency_is_a_receivable_and_restricted_revenue_at_once()
    {
        var (entry, booked) = PledgePostings.Recorded(Pledge(900m));

        entry.EnsureBalanced();
        Assert.Equal(("pledge", 900m, -900m), (entry.SourceType, Net([entry], Accounts.ContributionsReceivable, "USD"), Net([entry], Accounts.ContributionRevenueRestricted, "USD")));
        Assert.Equal((900m, 900m), (booked.Pledged, booked.Outstanding));
        Assert.DoesNotContain(entry.Lines, l => l.Account == Accounts.CurrencyExchangePosition);
    }

    [Fact]
    public void Paying_part_of_a_pledge_settles_the_receivable_and_an_unpledged_excess_is_revenue_of_its_own_earmark()
    {
        var (recorded, booked) = PledgePostings.Recorded(Pledge(900m));
        var (paid, after) = PledgePostings.Paid(booked, Payment(booked, 1000m, 1m, matched: 900m));

        paid.EnsureBalanced();
        Assert.Equal((1000m, -900m, -100m), (Net([paid], Accounts.Cash, "USD"), Net([paid], Accounts.ContributionsReceivable, "USD"),
            Net([paid], Accounts.ContributionRevenueRestricted, "USD")));
        Assert.Equal((0m, 900m), (after.Outstanding, after.Paid));
        Assert.Equal(0m, Net([recorded, paid], Accounts.ContributionsReceivable, "USD"));
        Assert.Equal(booked.PledgeId, paid.PledgeId);
    }

    [Fact]
    public void A_pledge_in_euros_is_settled_at_its_booked_value_and_the_difference_is_a_realised_exchange_gain()
    {
        // 1,000 EUR pledged at 1.08: a receivable of 1,080.00 USD.
        var (recorded, booked) = PledgePostings.Recorded(Pledge(1000m, "EUR", 1.08m));
        recorded.EnsureBalanced();
        Assert.Equal((1000m, 1080m, -1080m), (Net([recorded], Accounts.ContributionsReceivable, "EUR"), Base([recorded], Accounts.ContributionsReceivable),
            Net([recorded], Accounts.ContributionRevenueRestricted, "USD")));

        // 450.55 EUR arrive at 1.08345 = 488.15 USD; their share of the receivable was worth 1,080.00 - round(549.45 x 1.08) = 486.59.
        var (first, afterFirst) = PledgePostings.Paid(booked, Payment(booked, 450.55m, 1.08345m, 450.55m));
        first.EnsureBalanced();
        Assert.Equal((488.15m, -450.55m, -486.59m, -1.56m), (Net([first], Accounts.Cash, "USD"), Net([first], Accounts.ContributionsReceivable, "EUR"),
            Base([first], Accounts.ContributionsReceivable), Net([first], Accounts.ExchangeDifferencesRestricted, "USD")));

        // 300 EUR at 1.1 = 330.00 USD against 593.41 - 269.41 = 324.00: a gain of 6.00. The rest is written off.
        var (second, afterSecond) = PledgePostings.Paid(afterFirst, Payment(afterFirst, 300m, 1.1m, 300m));
        var (writeOff, settled) = PledgePostings.WrittenOff(afterSecond, new PledgeWrittenOff
        {
            PledgeId = booked.PledgeId, DonorId = booked.DonorId, FundId = "f", Amount = 249.45m, Currency = "EUR", Reason = "insolvent",
            WrittenOffBy = "finance", WrittenOffAt = DateTimeOffset.UnixEpoch,
        });
        JournalEntry[] all = [recorded, first, second, writeOff];
        foreach (var e in all)
        {
            e.EnsureBalanced();
        }
        Assert.Equal(-6.00m, Net([second], Accounts.ExchangeDifferencesRestricted, "USD"));
        Assert.Equal(269.41m, Base([writeOff], Accounts.PledgesWrittenOffRestricted));

        // Settled: nothing left in the receivable or the currency position, in euros or in dollars.
        Assert.Equal((0m, 0m), (settled.Outstanding, settled.Carrying(settled.Outstanding)));
        Assert.Equal((0m, 0m), (Net(all, Accounts.ContributionsReceivable, "EUR"), Base(all, Accounts.ContributionsReceivable)));
        Assert.Equal((0m, 0m, 0m), (Net(all, Accounts.CurrencyExchangePosition, "EUR"), Net(all, Accounts.CurrencyExchangePosition, "USD"),
            Base(all, Accounts.CurrencyExchangePosition)));
        Assert.Equal(818.15m, Net(all, Accounts.Cash, "USD"));
    }

    [Fact]
    public void A_loss_on_exchange_is_a_debit_and_amendments_and_cancellations_move_revenue()
    {
        var (recorded, booked) = PledgePostings.Recorded(Pledge(1000m, "EUR", 1.2m, Earmark.Unearmarked));
        var (amended, bigger) = PledgePostings.Amended(booked, new PledgeAmended
        {
            PledgeId = booked.PledgeId, DonorId = booked.DonorId, FundId = "f", AmountBefore = 1000m, AmountAfter = 1500m, Currency = "EUR", Reason = "top-up",
            Instalments = [], AmendedBy = "finance", AmendedAt = DateTimeOffset.UnixEpoch,
        });
        var (paid, afterPaid) = PledgePostings.Paid(bigger, Payment(bigger, 500m, 1.1m, 500m, Earmark.Unearmarked));
        var (cancelled, closed) = PledgePostings.Cancelled(afterPaid, new PledgeCancelled
        {
            PledgeId = booked.PledgeId, DonorId = booked.DonorId, FundId = "f", CancelledAmount = 1000m, Currency = "EUR", Reason = "budget cut",
            CancelledBy = "finance", CancelledAt = DateTimeOffset.UnixEpoch,
        });
        JournalEntry[] all = [recorded, amended!, paid, cancelled!];
        foreach (var e in all)
        {
            e.EnsureBalanced();
        }

        Assert.Equal(-600m, Net([amended!], Accounts.ContributionRevenueUnrestricted, "USD"));
        Assert.Equal(50m, Net([paid], Accounts.ExchangeDifferencesUnrestricted, "USD")); // 600.00 booked, 550.00 received
        Assert.Equal(1200m, Net([cancelled!], Accounts.ContributionRevenueUnrestricted, "USD"));
        Assert.Equal((0m, 1500m, 500m, 1000m), (closed.Outstanding, closed.Pledged, closed.Paid, closed.Cancelled));
        Assert.Equal(-600m, Net(all, Accounts.ContributionRevenueUnrestricted, "USD")); // revenue = what was paid, at the booked rate
        Assert.Equal(0m, Base(all, Accounts.ContributionsReceivable));
    }

    [Fact]
    public void Nothing_to_post_when_an_amendment_keeps_the_amount_or_a_cancellation_finds_nothing_unpaid()
    {
        var (_, booked) = PledgePostings.Recorded(Pledge(100m));
        Assert.Null(PledgePostings.Amended(booked, new PledgeAmended
        {
            PledgeId = booked.PledgeId, DonorId = "d", FundId = "f", AmountBefore = 100m, AmountAfter = 100m, Currency = "USD", Reason = "new dates",
            Instalments = [], AmendedBy = "finance", AmendedAt = DateTimeOffset.UnixEpoch,
        }).Entry);
        Assert.Null(PledgePostings.Cancelled(booked, new PledgeCancelled
        {
            PledgeId = booked.PledgeId, DonorId = "d", FundId = "f", CancelledAmount = 0m, Currency = "USD", Reason = "x", CancelledBy = "finance",
            CancelledAt = DateTimeOffset.UnixEpoch,
        }).Entry);
    }

    [Fact]
    public void A_payment_in_another_currency_or_base_currency_than_its_pledge_is_refused()
    {
        var (_, booked) = PledgePostings.Recorded(Pledge(100m, "EUR", 1.1m));
        Assert.Throws<UnbalancedEntryException>(() => PledgePostings.Paid(booked, Payment(booked, 10m, 1.1m, 10m) with { BaseCurrency = "CHF" }));
        Assert.Throws<UnbalancedEntryException>(() => PledgePostings.Paid(booked, Payment(booked, 10m, 1.1m, 10m) with { Currency = "GBP" }));
    }

    [Fact]
    public void Property_any_sequence_of_pledge_events_balances_and_the_receivable_equals_what_is_outstanding()
    {
        // Each step: 0 pay, 1 amend up, 2 amend down, 3 write off, 4 cancel; an amount in cents and a rate in ten-thousandths.
        var steps = Gen.ListOf(Gen.Choose(0, 4).Zip(Gen.Choose(1, 5_000_00)).Zip(Gen.Choose(5_000, 20_000))).ToArbitrary();
        var pledgeRate = Gen.Choose(5_000, 20_000).ToArbitrary();
        Prop.ForAll(steps, pledgeRate, (sequence, rateUnits) =>
        {
            var (first, pledge) = PledgePostings.Recorded(Pledge(10_000m, "EUR", rateUnits / 10_000m));
            var entries = new List<JournalEntry> { first };
            var cash = 0m;
            foreach (var ((step, cents), rate) in sequence)
            {
                var amount = Math.Min(cents / 100m, pledge.Outstanding);
                (JournalEntry? Entry, BookedPledge After) next = step switch
                {
                    0 when amount > 0 => PledgePostings.Paid(pledge, Payment(pledge, amount, rate / 10_000m, amount)),
                    1 => PledgePostings.Amended(pledge, new PledgeAmended
                    {
                        PledgeId = pledge.PledgeId, DonorId = "d", FundId = "f", AmountBefore = pledge.Pledged, AmountAfter = pledge.Pledged + cents / 100m,
                        Currency = "EUR", Reason = "up", Instalments = [], AmendedBy = "f", AmendedAt = DateTimeOffset.UnixEpoch,
                    }),
                    2 => PledgePostings.Amended(pledge, new PledgeAmended
                    {
                        PledgeId = pledge.PledgeId, DonorId = "d", FundId = "f", AmountBefore = pledge.Pledged, AmountAfter = pledge.Pledged - amount,
                        Currency = "EUR", Reason = "down", Instalments = [], AmendedBy = "f", AmendedAt = DateTimeOffset.UnixEpoch,
                    }),
                    3 when amount > 0 => PledgePostings.WrittenOff(pledge, new PledgeWrittenOff
                    {
                        PledgeId = pledge.PledgeId, DonorId = "d", FundId = "f", Amount = amount, Currency = "EUR", Reason = "w", WrittenOffBy = "f",
                        WrittenOffAt = DateTimeOffset.UnixEpoch,
                    }),
                    4 => PledgePostings.Cancelled(pledge, new PledgeCancelled
                    {
                        PledgeId = pledge.PledgeId, DonorId = "d", FundId = "f", CancelledAmount = pledge.Outstanding, Currency = "EUR", Reason = "c",
                        CancelledBy = "f", CancelledAt = DateTimeOffset.UnixEpoch,
                    }),
                    _ => (null, pledge),
                };
                if (next.Entry is { } entry)
                {
                    entries.Add(entry);
                    cash += entry.Lines.Where(l => l.Account == Accounts.Cash).Sum(l => l.Debit);
                }
                pledge = next.After;
            }
            entries.ForEach(e => e.EnsureBalanced());
            var lines = entries.SelectMany(e => e.Lines).ToList();
            return lines.Sum(l => l.BaseDebitValue - l.BaseCreditValue) == 0m
                && Net(entries, Accounts.ContributionsReceivable, "EUR") == pledge.Outstanding
                && Base(entries, Accounts.ContributionsReceivable) == pledge.Carrying(pledge.Outstanding)
                && Base(entries, Accounts.CurrencyExchangePosition) == 0m
                && Net(entries, Accounts.CurrencyExchangePosition, "EUR") == -pledge.Outstanding
                && pledge.Pledged == pledge.Paid + pledge.Cancelled + pledge.WrittenOff + pledge.Outstanding
                && Net(entries, Accounts.Cash, "USD") == cash;
        }).QuickCheckThrowOnFailure();
    }
}
