using FsCheck;
using FsCheck.Fluent;
using TrustFund.Contracts.Messages;
using TrustFund.Reporting.Ledger;

namespace TrustFund.UnitTests.Ledger;

public sealed class PostingRulesTests
{
    private static ContributionReceived Contribution(decimal amount, Earmark earmark, string currency = "USD") => new()
    {
        ContributionId = Guid.NewGuid(),
        FundId = "fund-a",
        DonorId = "donor-a",
        Earmark = earmark,
        Amount = amount,
        Currency = currency,
        ValueDate = new DateOnly(2026, 1, 31),
        RecordedAt = DateTimeOffset.UnixEpoch,
        RecordedBy = "finance-1",
    };

    [Fact]
    public void Unearmarked_contribution_debits_cash_and_credits_revenue_without_donor_restrictions()
    {
        var entry = PostingRules.For(Contribution(100m, Earmark.Unearmarked));

        entry.EnsureBalanced();
        Assert.Equal([Accounts.Cash, Accounts.ContributionRevenueUnrestricted], entry.Lines.Select(l => l.Account));
        Assert.Equal(100m, entry.Lines[0].Debit);
        Assert.Equal(100m, entry.Lines[1].Credit);
    }

    [Theory]
    [InlineData(EarmarkKinds.Window)]
    [InlineData(EarmarkKinds.Project)]
    public void Earmarked_contribution_credits_revenue_with_donor_restrictions(string kind)
    {
        var entry = PostingRules.For(Contribution(55.5m, new Earmark { Kind = kind, WindowId = "mercury", ProjectId = kind == EarmarkKinds.Project ? "p-1" : null }));

        Assert.Equal(Accounts.ContributionRevenueRestricted, entry.Lines[1].Account);
        Assert.Contains(kind == EarmarkKinds.Project ? "project p-1" : "window mercury", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_contribution_posts_a_balanced_entry_for_its_exact_amount()
    {
        var amounts = Gen.Choose(1, int.MaxValue).Select(units => units / 100m).ToArbitrary();
        Prop.ForAll(amounts, amount =>
        {
            var entry = PostingRules.For(Contribution(amount, Earmark.Unearmarked));
            entry.EnsureBalanced();
            return entry.Lines.Sum(l => l.Debit) == amount && entry.Lines.Sum(l => l.Credit) == amount;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void An_unbalanced_entry_is_refused()
    {
        var entry = new JournalEntry("test", "1", "fund-a", default, "bad",
            [new JournalLine(Accounts.Cash, null, "USD", 100m, 0m), new JournalLine(Accounts.ContributionRevenueRestricted, null, "USD", 0m, 99.99m)]);

        var error = Assert.Throws<UnbalancedEntryException>(entry.EnsureBalanced);
        Assert.Contains("does not balance in USD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Balancing_is_per_currency()
    {
        var entry = new JournalEntry("test", "1", "fund-a", default, "mixed",
        [
            new JournalLine(Accounts.Cash, null, "USD", 100m, 0m),
            new JournalLine(Accounts.ContributionRevenueRestricted, null, "EUR", 0m, 100m),
        ]);

        Assert.Throws<UnbalancedEntryException>(entry.EnsureBalanced);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 5)]
    [InlineData(-5, 0)]
    public void A_line_is_either_a_positive_debit_or_a_positive_credit(int debit, int credit)
    {
        var entry = new JournalEntry("test", "1", "fund-a", default, "odd line",
        [
            new JournalLine(Accounts.Cash, null, "USD", debit, credit),
            new JournalLine(Accounts.ContributionRevenueRestricted, null, "USD", credit, debit),
        ]);

        Assert.Throws<UnbalancedEntryException>(entry.EnsureBalanced);
    }

    [Fact]
    public void A_single_line_is_not_an_entry()
    {
        var entry = new JournalEntry("test", "1", "fund-a", default, "one", [new JournalLine(Accounts.Cash, null, "USD", 1m, 0m)]);

        Assert.Throws<UnbalancedEntryException>(entry.EnsureBalanced);
    }
}
