using FsCheck;
using FsCheck.Fluent;
using TrustFund.Earmarking.Reservations;

namespace TrustFund.UnitTests.Earmarking;

public sealed class ReservationPolicyTests
{
    private static CandidateLot Lot(long id, string window, string project, decimal available, int day = 1, string donor = "d") =>
        new(id, id * 10, donor, window, project, new DateOnly(2026, 1, day), available);

    [Fact]
    public void Project_money_is_used_before_window_money_before_core_money()
    {
        var plan = ReservationPolicy.Plan("mercury", "p1", 250m,
        [
            Lot(1, "core", "", 100m, day: 1),
            Lot(2, "mercury", "", 100m, day: 2),
            Lot(3, "mercury", "p1", 100m, day: 3),
        ]);

        Assert.True(plan.Funded);
        Assert.Equal([3L, 2L, 1L], plan.Lines.Select(l => l.LotId));
        Assert.Equal([100m, 100m, 50m], plan.Lines.Select(l => l.Amount));
    }

    [Fact]
    public void Within_a_level_the_oldest_receipt_pays_first_and_arrival_order_breaks_ties()
    {
        var plan = ReservationPolicy.Plan("mercury", "p1", 150m,
        [
            Lot(7, "mercury", "", 100m, day: 5),
            Lot(9, "mercury", "", 100m, day: 2),
            Lot(8, "mercury", "", 100m, day: 2),
        ]);

        Assert.Equal([8L, 9L], plan.Lines.Select(l => l.LotId));
        Assert.Equal([100m, 50m], plan.Lines.Select(l => l.Amount));
    }

    [Fact]
    public void Money_of_another_project_or_window_is_never_eligible()
    {
        var plan = ReservationPolicy.Plan("mercury", "p1", 10m,
        [
            Lot(1, "mercury", "p2", 1000m),
            Lot(2, "gold", "", 1000m),
            Lot(3, "gold", "p1", 1000m),
        ]);

        Assert.False(plan.Funded);
        Assert.Equal(0m, plan.Available);
        Assert.Empty(plan.Lines);
    }

    [Fact]
    public void Not_enough_money_plans_nothing_and_reports_what_was_available()
    {
        var plan = ReservationPolicy.Plan("mercury", "p1", 300.01m, [Lot(1, "mercury", "p1", 100m), Lot(2, "core", "", 200m)]);

        Assert.False(plan.Funded);
        Assert.Equal(300m, plan.Available);
        Assert.Empty(plan.Lines);
    }

    [Fact]
    public void Exactly_what_is_available_can_be_reserved()
    {
        var plan = ReservationPolicy.Plan("mercury", "p1", 300m, [Lot(1, "mercury", "p1", 100m), Lot(2, "core", "", 200m)]);

        Assert.True(plan.Funded);
        Assert.Equal(300m, plan.Lines.Sum(l => l.Amount));
    }

    [Theory]
    [InlineData("mercury", "p1", 0)]
    [InlineData("mercury", "", 1)]
    [InlineData("core", "", 2)]
    public void Levels_are_project_then_window_then_core(string window, string project, int level) =>
        Assert.Equal(level, ReservationPolicy.Level(Lot(1, window, project, 1m), "mercury", "p1"));

    [Fact]
    public void A_project_in_the_core_window_uses_its_own_money_then_core()
    {
        var plan = ReservationPolicy.Plan("core", "p9", 15m, [Lot(1, "core", "", 10m, day: 1), Lot(2, "core", "p9", 10m, day: 9)]);

        Assert.Equal([2L, 1L], plan.Lines.Select(l => l.LotId));
    }

    private static readonly string[] Windows = ["core", "mercury", "gold"];
    private static readonly string[] ProjectsOf = ["", "p1", "p2"];

    private static Arbitrary<(List<CandidateLot> Lots, decimal Amount)> Scenarios() =>
        (from count in Gen.Choose(0, 12)
         from lots in Gen.ListOf(
             from window in Gen.Elements(Windows)
             from project in Gen.Elements(ProjectsOf)
             from cents in Gen.Choose(0, 50_000)
             from day in Gen.Choose(1, 28)
             from donor in Gen.Elements("d1", "d2", "d3")
             select (window, project, cents, day, donor), count)
         from amountCents in Gen.Choose(1, 200_000)
         select (lots.Select((l, i) => new CandidateLot(i + 1, i + 100, l.donor, l.window, l.project, new DateOnly(2026, 1, l.day), l.cents / 100m)).ToList(),
                 amountCents / 100m)).ToArbitrary();

    [Fact]
    public void Property_earmarked_money_never_pays_for_another_purpose() =>
        Prop.ForAll(Scenarios(), s =>
        {
            var plan = ReservationPolicy.Plan("mercury", "p1", s.Amount, s.Lots);
            var byId = s.Lots.ToDictionary(l => l.LotId);
            return plan.Lines.All(line =>
            {
                var lot = byId[line.LotId];
                return (lot.WindowId == "mercury" && lot.ProjectId is "" or "p1") || (lot.WindowId == "core" && lot.ProjectId == "");
            });
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Property_a_plan_is_all_or_nothing_and_never_takes_more_than_a_lot_holds() =>
        Prop.ForAll(Scenarios(), s =>
        {
            var plan = ReservationPolicy.Plan("mercury", "p1", s.Amount, s.Lots);
            var byId = s.Lots.ToDictionary(l => l.LotId);
            var eligible = s.Lots.Where(l => ReservationPolicy.Level(l, "mercury", "p1") is not null).Sum(l => l.Available);
            var withinLots = plan.Lines.All(l => l.Amount > 0 && l.Amount <= byId[l.LotId].Available) && plan.Lines.Select(l => l.LotId).Distinct().Count() == plan.Lines.Count;
            return plan.Available == eligible && withinLots
                && (plan.Funded ? plan.Lines.Sum(l => l.Amount) == s.Amount : plan.Lines.Count == 0 && eligible < s.Amount);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Property_only_the_last_line_is_partial_and_lines_follow_the_policy_order() =>
        Prop.ForAll(Scenarios(), s =>
        {
            var plan = ReservationPolicy.Plan("mercury", "p1", s.Amount, s.Lots);
            var byId = s.Lots.ToDictionary(l => l.LotId);
            var keys = plan.Lines.Select(l => byId[l.LotId]).Select(l => (ReservationPolicy.Level(l, "mercury", "p1")!.Value, l.ValueDate, l.LotId)).ToList();
            var ordered = keys.SequenceEqual(keys.Order());
            var fullButLast = plan.Lines.SkipLast(1).All(l => l.Amount == byId[l.LotId].Available);
            return ordered && fullButLast;
        }).QuickCheckThrowOnFailure();
}
