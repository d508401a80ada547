using Dapper;
using MassTransit;
using TrustFund.Contracts.Amounts;
using TrustFund.Contracts.Messages;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Reporting;

/// <summary>
/// Random sequences of the events of every service, published over the real broker to the real Reporting (some twice
/// under new message ids, some pledge events ahead of their pledge), against a model of what they mean: the ledger
/// balances in every currency and in the base currency, and its balances equal the sums of the events.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class LedgerPropertyTests(SystemFixture system)
{
    private static readonly Currency Usd = Currency.FromCode("USD");

    private sealed class PledgeModel(Guid id, string donor, string currency, decimal rate, decimal outstanding)
    {
        public Guid Id { get; } = id;
        public string Donor { get; } = donor;
        public string Currency { get; } = currency;
        public decimal Rate { get; } = rate;
        public decimal Outstanding { get; set; } = outstanding;
        public decimal Pledged { get; set; } = outstanding;
        public decimal Carrying => Currency == "USD" ? Outstanding : Rounding.Round(Outstanding * Rate, Usd);
    }

    [Theory]
    [InlineData(20261123)]
    [InlineData(42)]
    [InlineData(7)]
    public async Task Any_sequence_of_events_gives_a_ledger_that_balances_and_whose_balances_are_the_sums_of_the_events(int seed)
    {
        var random = new Random(seed);
        var fund = $"prop-{seed}-{Guid.NewGuid():N}"[..24];
        var events = new List<object>();
        var pledges = new List<PledgeModel>();
        decimal cash = 0m, disbursed = 0m, refunded = 0m;
        var donors = new[] { "donor-a", "donor-b", "donor-c" };
        decimal Amount(int maxCents) => random.Next(1, maxCents) / 100m;
        var date = new DateOnly(2026, 3, 1);

        for (var step = 0; step < 30; step++)
        {
            var donor = donors[random.Next(donors.Length)];
            var open = pledges.Where(p => p.Outstanding > 0).ToList();
            switch (random.Next(9))
            {
                case 0:
                {
                    var amount = Amount(500_000);
                    var earmark = random.Next(2) == 0 ? Earmark.Unearmarked : new Earmark { Kind = EarmarkKinds.Window, WindowId = "mercury" };
                    var id = Guid.NewGuid();
                    events.Add(Contribution(fund, donor, id, amount, "USD", amount, earmark, date));
                    var fee = Rounding.Round(amount * 0.01m, Usd);
                    if (fee > 0)
                    {
                        events.Add(new ContributionPooled
                        {
                            ContributionId = id, FundId = fund, DonorId = donor, Earmark = earmark, Currency = "USD", Gross = amount, Fee = fee, Net = amount - fee,
                            PoolId = 1, ValueDate = date,
                        });
                    }
                    cash += amount - fee;
                    break;
                }
                case 1:
                {
                    var euro = random.Next(2) == 0;
                    var amount = Amount(1_000_000);
                    var rate = euro ? random.Next(9_000, 13_000) / 10_000m : 1m;
                    var pledge = new PledgeModel(Guid.NewGuid(), donor, euro ? "EUR" : "USD", rate, amount);
                    pledges.Add(pledge);
                    events.Add(new PledgeRecorded
                    {
                        PledgeId = pledge.Id, DonorId = donor, FundId = fund, Earmark = new Earmark { Kind = EarmarkKinds.Project, WindowId = "mercury", ProjectId = "p1" },
                        Amount = amount, Currency = pledge.Currency, PledgedOn = date, Kind = "voluntary",
                        Instalments = [new InstalmentTerms { No = 1, DueDate = date.AddMonths(6), Amount = amount }], RecordedBy = "finance",
                        RecordedAt = DateTimeOffset.UtcNow, BaseCurrency = "USD", ExchangeRate = rate, BaseAmount = pledge.Carrying,
                    });
                    break;
                }
                case 2 when open.Count > 0:
                {
                    var pledge = open[random.Next(open.Count)];
                    var amount = Math.Min(pledge.Outstanding, Amount(600_000));
                    var rate = pledge.Currency == "EUR" ? random.Next(9_000, 13_000) / 10_000m : 1m;
                    var baseAmount = pledge.Currency == "EUR" ? Rounding.Round(amount * rate, Usd) : amount;
                    if (baseAmount == 0)
                    {
                        break;
                    }
                    events.Add(Contribution(fund, pledge.Donor, Guid.NewGuid(), amount, pledge.Currency, baseAmount,
                        new Earmark { Kind = EarmarkKinds.Project, WindowId = "mercury", ProjectId = "p1" }, date, pledge.Id, rate));
                    pledge.Outstanding -= amount;
                    cash += baseAmount;
                    break;
                }
                case 3 when open.Count > 0:
                {
                    var pledge = open[random.Next(open.Count)];
                    var delta = random.Next(2) == 0 ? Amount(100_000) : -Math.Min(pledge.Outstanding, Amount(100_000));
                    events.Add(new PledgeAmended
                    {
                        PledgeId = pledge.Id, DonorId = pledge.Donor, FundId = fund, AmountBefore = pledge.Pledged, AmountAfter = pledge.Pledged + delta,
                        Currency = pledge.Currency, Reason = "changed", Instalments = [], AmendedBy = "finance", AmendedAt = DateTimeOffset.UtcNow.AddTicks(step),
                    });
                    pledge.Pledged += delta;
                    pledge.Outstanding += delta;
                    break;
                }
                case 4 when open.Count > 0:
                {
                    var pledge = open[random.Next(open.Count)];
                    var amount = Math.Min(pledge.Outstanding, Amount(100_000));
                    events.Add(new PledgeWrittenOff
                    {
                        PledgeId = pledge.Id, DonorId = pledge.Donor, FundId = fund, Amount = amount, Currency = pledge.Currency, Reason = "uncollectible",
                        WrittenOffBy = "finance", WrittenOffAt = DateTimeOffset.UtcNow.AddTicks(step),
                    });
                    pledge.Outstanding -= amount;
                    break;
                }
                case 5 when open.Count > 0:
                {
                    var pledge = open[random.Next(open.Count)];
                    events.Add(new PledgeCancelled
                    {
                        PledgeId = pledge.Id, DonorId = pledge.Donor, FundId = fund, CancelledAmount = pledge.Outstanding, Currency = pledge.Currency,
                        Reason = "withdrawn", CancelledBy = "finance", CancelledAt = DateTimeOffset.UtcNow.AddTicks(step),
                    });
                    pledge.Outstanding = 0;
                    break;
                }
                case 6 when cash > 1m:
                {
                    var amount = Math.Min(cash, Amount(300_000));
                    events.Add(new FundsDisbursed
                    {
                        RequestId = Guid.NewGuid(), FundId = fund, WindowId = "mercury", ProjectId = "p1", PartnerId = "partner-1", Amount = amount, Currency = "USD",
                        ValueDate = date, Lines = [Line(donor, amount)], Attribution = [], DisbursedAt = DateTimeOffset.UtcNow,
                    });
                    cash -= amount;
                    disbursed += amount;
                    break;
                }
                case 7 when disbursed - refunded > 1m:
                {
                    var amount = Math.Min(disbursed - refunded, Amount(50_000));
                    events.Add(new RefundCredited
                    {
                        RefundId = Guid.NewGuid(), RequestId = Guid.NewGuid(), FundId = fund, WindowId = "mercury", ProjectId = "p1", PartnerId = "partner-1",
                        Amount = amount, Currency = "USD", ValueDate = date, Lines = [Line(donor, amount)], Attribution = [], RecordedBy = "finance",
                    });
                    cash += amount;
                    refunded += amount;
                    break;
                }
                case 8:
                {
                    var amount = Amount(10_000);
                    events.Add(new InterestAllocated
                    {
                        InterestId = Guid.NewGuid(), FundId = fund, PeriodStart = date, PeriodEnd = date.AddDays(30), Amount = amount, Currency = "USD",
                        Method = "pro-rata", Lines = [Line(donor, amount)], RecordedBy = "finance",
                    });
                    cash += amount;
                    break;
                }
            }
        }

        // Delivery as the broker may give it: some pledge events ahead of their pledge, some events twice under new message ids.
        var order = events.ToList();
        for (var k = 1; k < order.Count; k++)
        {
            if (order[k - 1] is PledgeRecorded && order[k] is not PledgeRecorded && random.Next(3) == 0)
            {
                (order[k - 1], order[k]) = (order[k], order[k - 1]);
            }
        }
        foreach (var message in order)
        {
            await system.Bus.Publish(message, message.GetType());
            if (random.Next(5) == 0)
            {
                await system.Bus.Publish(message, message.GetType(), Pipe.Execute<PublishContext>(ctx => ctx.MessageId = Guid.NewGuid()));
            }
        }

        var expectedEntries = events.Count(e => e is not PledgeAmended { AmountBefore: var b, AmountAfter: var a } || a != b);
        await system.WaitForCountAsync("Reporting", "SELECT count(*) FROM journal_entries WHERE fund_id = @fund", new { fund }, expectedEntries,
            $"all {expectedEntries} entries of seed {seed}", TimeSpan.FromSeconds(90));

        await using var ledger = system.OpenDatabase("Reporting");
        var perCurrency = (await ledger.QueryAsync<(string Currency, decimal Net)>(
            "SELECT l.currency, sum(l.debit - l.credit) FROM journal_lines l JOIN journal_entries e USING (entry_id) WHERE e.fund_id = @fund GROUP BY l.currency",
            new { fund })).ToList();
        Assert.All(perCurrency, c => Assert.Equal(0m, c.Net));
        Assert.Equal(0m, await ledger.ExecuteScalarAsync<decimal>(
            "SELECT sum(l.base_debit - l.base_credit) FROM journal_lines l JOIN journal_entries e USING (entry_id) WHERE e.fund_id = @fund", new { fund }));

        async Task<(decimal Amount, decimal Base)> BalanceAsync(string account, string currency) =>
            await ledger.QuerySingleAsync<(decimal, decimal)>(
                "SELECT coalesce(sum(l.debit - l.credit), 0), coalesce(sum(l.base_debit - l.base_credit), 0) FROM journal_lines l JOIN journal_entries e USING (entry_id) "
                + "WHERE e.fund_id = @fund AND l.account = @account AND l.currency = @currency", new { fund, account, currency });
        Assert.Equal((cash, cash), await BalanceAsync("1000-cash", "USD"));
        foreach (var currency in new[] { "USD", "EUR" })
        {
            var mine = pledges.Where(p => p.Currency == currency).ToList();
            Assert.Equal((mine.Sum(p => p.Outstanding), mine.Sum(p => p.Carrying)), await BalanceAsync("1100-contributions-receivable", currency));
        }
        Assert.Equal(0m, (await BalanceAsync("1900-currency-exchange-position", "EUR")).Base + (await BalanceAsync("1900-currency-exchange-position", "USD")).Base);
        Assert.Equal((disbursed, refunded), ((await BalanceAsync("5000-transfers-to-implementing-partners", "USD")).Amount,
            -(await BalanceAsync("5050-refunds-from-implementing-partners", "USD")).Amount));
    }

    private static ContributionReceived Contribution(string fund, string donor, Guid id, decimal amount, string currency, decimal baseAmount, Earmark earmark,
        DateOnly date, Guid? pledge = null, decimal rate = 1m) => new()
    {
        ContributionId = id, FundId = fund, DonorId = donor, Earmark = earmark, Amount = amount, Currency = currency, ExchangeRate = rate, BaseAmount = baseAmount,
        BaseCurrency = "USD", ValueDate = date, PledgeId = pledge, MatchedInstalments = pledge is null ? null : [new InstalmentPayment { No = 1, Amount = amount }],
        UnpledgedAmount = pledge is null ? null : 0m, RecordedAt = DateTimeOffset.UtcNow, RecordedBy = "finance",
    };

    private static PoolLine Line(string donor, decimal amount) =>
        new() { PoolId = 1, DonorId = donor, EarmarkKind = EarmarkKinds.Window, WindowId = "mercury", Amount = amount };
}
