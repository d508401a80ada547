using FsCheck;
using FsCheck.Fluent;
using TrustFund.Pledges.Pledges;

namespace TrustFund.UnitTests.Pledges;

public sealed class PledgeScheduleTests
{
    private static readonly DateOnly Jan = new(2026, 1, 31);
    private static readonly DateOnly Apr = new(2026, 4, 30);
    private static readonly DateOnly Jul = new(2026, 7, 31);

    private static IReadOnlyList<Instalment> ThreeInstalments() =>
        [new(1, Jan, 100m), new(2, Apr, 100m), new(3, Jul, 100m)];

    [Fact]
    public void A_payment_settles_the_oldest_instalments_first()
    {
        var (schedule, matched) = PledgeSchedule.Pay(ThreeInstalments(), 150m);

        Assert.Equal([(1, 100m), (2, 50m)], matched);
        Assert.Equal([100m, 50m, 0m], schedule.Select(i => i.Paid));
    }

    [Fact]
    public void Paying_more_than_is_outstanding_is_refused()
    {
        var (paid, _) = PledgeSchedule.Pay(ThreeInstalments(), 250m);

        var error = Assert.Throws<PledgeRuleException>(() => PledgeSchedule.Pay(paid, 50.01m));
        Assert.Equal(("amount", "not-above-outstanding"), (error.Field, error.Rule));
    }

    [Fact]
    public void Statuses_follow_payments_and_due_dates()
    {
        var (schedule, _) = PledgeSchedule.Pay(ThreeInstalments(), 150m);
        var today = new DateOnly(2026, 5, 15);

        Assert.Equal(["completed", "overdue", "pending"], schedule.Select(i => i.StatusOn(today)));
        Assert.Equal("in-progress", schedule[1].StatusOn(new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void Cancelling_after_a_partial_payment_cancels_only_the_unpaid_part()
    {
        var (paid, _) = PledgeSchedule.Pay(ThreeInstalments(), 120m);
        var cancelled = PledgeSchedule.Cancel(paid);

        Assert.Equal(120m, cancelled.Sum(i => i.Paid));
        Assert.Equal(180m, cancelled.Sum(i => i.Cancelled));
        Assert.Equal(0m, PledgeSchedule.Outstanding(cancelled));
        Assert.Equal(["completed", "closed", "closed"], cancelled.Select(i => i.StatusOn(Jul)));
    }

    [Fact]
    public void An_amendment_below_what_is_paid_is_refused()
    {
        var (paid, _) = PledgeSchedule.Pay(ThreeInstalments(), 120m);

        var error = Assert.Throws<PledgeRuleException>(() => PledgeSchedule.Amend(paid, 119.99m));
        Assert.Equal(("amount", "not-below-paid"), (error.Field, error.Rule));
        Assert.Equal(120m, PledgeSchedule.Amend(paid, 120m).Sum(i => i.Amount));
    }

    [Fact]
    public void An_amendment_down_comes_off_the_latest_unpaid_parts()
    {
        var (paid, _) = PledgeSchedule.Pay(ThreeInstalments(), 120m);
        var amended = PledgeSchedule.Amend(paid, 150m);

        Assert.Equal([100m, 50m, 0m], amended.Select(i => i.Amount));
        Assert.Equal(30m, PledgeSchedule.Outstanding(amended));
    }

    [Fact]
    public void An_amendment_up_goes_to_the_last_open_instalment()
    {
        var amended = PledgeSchedule.Amend(ThreeInstalments(), 350m);

        Assert.Equal([100m, 100m, 150m], amended.Select(i => i.Amount));
    }

    [Fact]
    public void An_amendment_with_a_new_schedule_keeps_what_is_settled_and_replaces_the_rest()
    {
        var (paid, _) = PledgeSchedule.Pay(ThreeInstalments(), 120m);
        var amended = PledgeSchedule.Amend(paid, 500m, [(new DateOnly(2026, 9, 30), 200m), (new DateOnly(2026, 12, 31), 180m)]);

        Assert.Equal([100m, 20m, 0m, 200m, 180m], amended.Select(i => i.Amount));
        Assert.Equal([1, 2, 3, 4, 5], amended.Select(i => i.No));
        Assert.Equal(120m, amended.Sum(i => i.Paid));
        var error = Assert.Throws<PledgeRuleException>(() => PledgeSchedule.Amend(paid, 500m, [(Jul, 379.99m)]));
        Assert.Equal("sum", error.Rule);
    }

    [Fact]
    public void A_write_off_settles_the_oldest_unpaid_parts_and_never_more_than_is_outstanding()
    {
        var written = PledgeSchedule.WriteOff(ThreeInstalments(), 130m);

        Assert.Equal([100m, 30m, 0m], written.Select(i => i.WrittenOff));
        Assert.Throws<PledgeRuleException>(() => PledgeSchedule.WriteOff(written, 170.01m));
    }

    [Fact]
    public void Property_no_operation_loses_or_creates_a_cent()
    {
        var ops = Gen.ListOf(Gen.Choose(0, 3).Zip(Gen.Choose(1, 40_000)), 12).ToArbitrary();
        Prop.ForAll(ops, sequence =>
        {
            IReadOnlyList<Instalment> schedule = ThreeInstalments();
            var paidIn = 0m;
            foreach (var (op, cents) in sequence)
            {
                var amount = cents / 100m;
                try
                {
                    switch (op)
                    {
                        case 0:
                            schedule = PledgeSchedule.Pay(schedule, amount).Schedule;
                            paidIn += amount;
                            break;
                        case 1:
                            schedule = PledgeSchedule.WriteOff(schedule, amount);
                            break;
                        case 2:
                            schedule = PledgeSchedule.Amend(schedule, schedule.Sum(i => i.Paid + i.Cancelled + i.WrittenOff) + amount);
                            break;
                        default:
                            schedule = PledgeSchedule.Cancel(schedule);
                            break;
                    }
                }
                catch (PledgeRuleException)
                {
                    // refused: the schedule is unchanged
                }
            }
            return schedule.All(i => i.Outstanding >= 0 && i.Amount >= 0)
                && schedule.Sum(i => i.Paid) == paidIn
                && schedule.Sum(i => i.Amount) == schedule.Sum(i => i.Paid + i.Cancelled + i.WrittenOff + i.Outstanding);
        }).QuickCheckThrowOnFailure();
    }
}
