using TrustFund.Contracts.Amounts;
using TrustFund.Pledges.Assessments;

namespace TrustFund.UnitTests.Assessments;

public sealed class AssessmentMathTests
{
    private static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    // The worked example. Scale rates are in percent, as the General Assembly publishes them (only their ratios
    // matter); the limits are fractions: floor 0.001 (0.1 %), ceiling 0.22 (22 %), LDC ceiling 0.01 (1 %). The UN's own
    // 0.001 % and 0.01 % are far too small to bind in a fund of seven, so these bind all three limits at once.
    private static readonly AssessmentMember[] Seven =
    [
        new("alpha", 40m, false),
        new("bravo", 20m, false),
        new("charlie", 20m, false),
        new("delta", 20m, false),
        new("echo", 16.9m, false),
        new("foxtrot", 0.05m, false),
        new("golf", 2m, true),
    ];

    private static AssessmentRequest WorkedExample(Money? voluntary = null) =>
        new(Usd(1_000_000.00m), voluntary, Seven, Floor: 0.001m, Ceiling: 0.22m, LdcCeiling: 0.01m);

    private static Assessment Assess(AssessmentRequest request)
    {
        Assert.True(AssessmentMath.TryAssess(request, out var assessment, out var errors), string.Join("; ", errors.Select(e => e.Message)));
        return assessment;
    }

    private static (string Field, string Rule)[] Rules(AssessmentRequest request) =>
        [.. AssessmentMath.Validate(request).Select(e => (e.Field, e.Rule))];

    [Fact]
    public void Worked_example_binds_the_ceiling_the_ldc_ceiling_and_the_floor()
    {
        // Scale rates add up to 40 + 3 × 20 + 16.9 + 0.05 + 2 = 118.95; normalised (rate / 118.95):
        //   alpha 33.6276 %, bravo charlie delta 16.8138 % each, echo 14.2077 %, foxtrot 0.0420 %, golf 1.6814 %.
        // Round 1 (shares = normalised): alpha 33.63 % > 22 % → 22 %; golf, an LDC, 1.68 % > 1 % → 1 %.
        // Round 2: 100 − 22 − 1 = 77 % shared by bravo..foxtrot (rates sum 76.95), × 0.77 / 76.95:
        //   bravo 20.0130 %, echo 16.9110 %, foxtrot 0.0500 % < 0.1 % → 0.1 %; alpha and golf are released.
        // Round 3: 99.9 % shared by all but foxtrot (sum 118.9): alpha 40 × 0.999 / 118.9 = 33.6080 % > 22 % → 22 %;
        //   golf 2 × 0.999 / 118.9 = 1.6804 % > 1 % → 1 %.
        // Round 4: 99.9 − 23 = 76.9 % shared by bravo..echo (sum 76.9): each gets exactly its scale rate in percent,
        //   20, 20, 20 and 16.9 %, all within the limits. Final: 22 + 60 + 16.9 + 0.1 + 1 = 100 %.
        // Shares of 1,000,000.00 USD: 220,000 / 200,000 × 3 / 169,000 / 1,000 / 10,000 — exact, no remainder.
        var assessment = Assess(WorkedExample());

        Assert.Equal(Usd(1_000_000.00m), assessment.Budgeted);
        Assert.Equal(Usd(0m), assessment.VoluntaryDeducted);
        Assert.Equal(Usd(1_000_000.00m), assessment.Assessed);
        Assert.Equal(["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf"], assessment.Members.Select(m => m.MemberId));
        Assert.Equal(
            [0.336276m, 0.168138m, 0.168138m, 0.168138m, 0.142077m, 0.000420m, 0.016814m],
            assessment.Members.Select(m => decimal.Round(m.NormalisedRate, 6)));
        Assert.Equal([0.22m, 0.2m, 0.2m, 0.2m, 0.169m, 0.001m, 0.01m], assessment.Members.Select(m => m.EffectiveRate));
        Assert.Equal(
            ["ceiling", "none", "none", "none", "none", "floor", "ldc-ceiling"],
            assessment.Members.Select(m => m.Limit));
        Assert.Equal(
            [Usd(220_000.00m), Usd(200_000.00m), Usd(200_000.00m), Usd(200_000.00m), Usd(169_000.00m), Usd(1_000.00m), Usd(10_000.00m)],
            assessment.Members.Select(m => m.Share));
        Assert.True(assessment.Members[0].IsCapped && assessment.Members[6].IsCapped && assessment.Members[5].IsFloored);
    }

    [Fact]
    public void Worked_example_steps_show_each_round_line_by_line()
    {
        var steps = Assess(WorkedExample()).Steps;

        Assert.Equal("Budget 1000000.00 USD is assessed in full (no voluntary contributions deducted).", steps[0]);
        Assert.Equal("Scale rates of the 7 members add up to 118.95; each is divided by 118.95:", steps[1]);
        Assert.Equal("  alpha: 40 / 118.95 = 33.6275746112 %", steps[2]);
        Assert.Contains("  alpha: 33.6275746112 % is above its ceiling of 22 %; lowered to 22 %.", steps);
        Assert.Contains("  golf: 1.6813787306 % is above its ldc-ceiling of 1 %; lowered to 1 %.", steps);
        Assert.Contains("  foxtrot: 0.0500324886 % is below the floor of 0.1 %; raised to 0.1 %.", steps);
        Assert.Contains("Round 4: 76.9 % left by the members held at a limit is shared by the other 4 in proportion to their scale rates (sum 76.9).", steps);
        Assert.Contains("  Every member is within its limits: these rates are final.", steps);
        Assert.Equal("  golf: 1 % (ldc-ceiling) → 10000.00 USD", steps[^1]);
        Assert.Equal("  bravo: 20 % → 200000.00 USD", steps[^6]);
    }

    [Fact]
    public void Hybrid_model_deducts_voluntary_contributions_to_core_first()
    {
        // 1,000,000 − 250,000 = 750,000 assessed at the same rates: 22 % → 165,000; 20 % → 150,000;
        // 16.9 % → 126,750; 0.1 % → 750; 1 % → 7,500.
        var assessment = Assess(WorkedExample(Usd(250_000.00m)));

        Assert.Equal(Usd(250_000.00m), assessment.VoluntaryDeducted);
        Assert.Equal(Usd(750_000.00m), assessment.Assessed);
        Assert.Equal(
            [Usd(165_000.00m), Usd(150_000.00m), Usd(150_000.00m), Usd(150_000.00m), Usd(126_750.00m), Usd(750.00m), Usd(7_500.00m)],
            assessment.Members.Select(m => m.Share));
        Assert.Equal("Budget 1000000.00 USD − voluntary contributions to core 250000.00 USD = 750000.00 USD assessed.", assessment.Steps[0]);
    }

    [Theory]
    [InlineData(1_000_000.00)]
    [InlineData(1_200_000.00)]
    public void Voluntary_contributions_covering_the_budget_leave_nothing_to_assess(decimal voluntary)
    {
        var assessment = Assess(WorkedExample(Usd(voluntary)));

        Assert.Equal(Usd(1_000_000.00m), assessment.VoluntaryDeducted);
        Assert.Equal(Usd(0m), assessment.Assessed);
        Assert.All(assessment.Members, m => Assert.Equal(Usd(0m), m.Share));
        Assert.Equal([0.22m, 0.2m, 0.2m, 0.2m, 0.169m, 0.001m, 0.01m], assessment.Members.Select(m => m.EffectiveRate));
    }

    [Fact]
    public void A_deduction_can_raise_a_share_by_one_cent_because_largest_remainder_is_not_monotone()
    {
        // The Alabama paradox. Rates 4, 92, 97, 78 (sum 271), no limit binding. 1.64 USD: exact cents 2.42, 55.68,
        // 58.70, 47.20; floors 2 + 55 + 58 + 47 = 162, the 2 left go to .70 and .68 → 0.02, 0.56, 0.59, 0.47.
        // Less 0.07 voluntary, 1.57 USD: exact 2.32, 53.30, 56.20, 45.19; floors make 156, the 1 left goes to .32
        // → 0.03, 0.53, 0.56, 0.45. a's exact share fell, yet its rounded share rose by a cent.
        var members = new AssessmentMember[] { new("a", 4m, false), new("b", 92m, false), new("c", 97m, false), new("d", 78m, false) };
        var request = new AssessmentRequest(Usd(1.64m), null, members, 0m, 1m, 1m);

        Assert.Equal([Usd(0.02m), Usd(0.56m), Usd(0.59m), Usd(0.47m)], Assess(request).Members.Select(m => m.Share));
        Assert.Equal(
            [Usd(0.03m), Usd(0.53m), Usd(0.56m), Usd(0.45m)],
            Assess(request with { VoluntaryDeduction = Usd(0.07m) }).Members.Select(m => m.Share));
    }

    [Fact]
    public void A_zero_budget_assesses_everyone_zero()
    {
        var assessment = Assess(WorkedExample() with { Budget = Usd(0m) });

        Assert.All(assessment.Members, m => Assert.Equal(Usd(0m), m.Share));
    }

    [Fact]
    public void Leftover_cents_go_by_largest_remainder_ties_to_the_first_member()
    {
        var equal = new AssessmentMember[] { new("a", 1m, false), new("b", 1m, false), new("c", 1m, false) };

        var assessment = Assess(new AssessmentRequest(Usd(100m), null, equal, 0m, 1m, 1m));

        Assert.Equal([Usd(33.34m), Usd(33.33m), Usd(33.33m)], assessment.Members.Select(m => m.Share));
    }

    [Fact]
    public void A_member_capped_early_is_released_when_floors_take_their_share()
    {
        // Normalised 98 %, 1 %, 1 %. Round 1: a capped at 50 %. Round 2: b and c get 25 % each, below the 30 % floor:
        // raised to 30 %, a released. Round 3: a alone gets the 40 % left, under its ceiling. Keeping a at 50 % would
        // have added up to 110 %.
        var members = new AssessmentMember[] { new("a", 98m, false), new("b", 1m, false), new("c", 1m, false) };

        var assessment = Assess(new AssessmentRequest(Usd(100m), null, members, Floor: 0.3m, Ceiling: 0.5m, LdcCeiling: 0.5m));

        Assert.Equal([0.4m, 0.3m, 0.3m], assessment.Members.Select(m => m.EffectiveRate));
        Assert.Equal(["none", "floor", "floor"], assessment.Members.Select(m => m.Limit));
        Assert.Equal([Usd(40m), Usd(30m), Usd(30m)], assessment.Members.Select(m => m.Share));
    }

    [Fact]
    public void The_general_assembly_limits_are_fractions()
    {
        Assert.Equal(0.00001m, AssessmentMath.UnFloor);
        Assert.Equal(0.22m, AssessmentMath.UnCeiling);
        Assert.Equal(0.0001m, AssessmentMath.UnLdcCeiling);
    }

    [Fact]
    public void A_valid_request_has_no_errors() => Assert.Empty(AssessmentMath.Validate(WorkedExample(Usd(1m))));

    [Theory]
    [InlineData("no-members", "members", "required")]
    [InlineData("null-members", "members", "required")]
    [InlineData("blank-member-id", "members[1].memberId", "required")]
    [InlineData("duplicate-member-id", "members[2].memberId", "unique")]
    [InlineData("negative-rate", "members[1].rate", "not-negative")]
    [InlineData("rate-above-100", "members[0].rate", "range")]
    [InlineData("rates-all-zero", "members", "positive-sum")]
    [InlineData("negative-floor", "floor", "not-negative")]
    [InlineData("negative-ceiling", "ceiling", "not-negative")]
    [InlineData("negative-ldc-ceiling", "ldcCeiling", "not-negative")]
    [InlineData("ceiling-above-one", "ceiling", "range")]
    [InlineData("ldc-ceiling-above-one", "ldcCeiling", "range")]
    [InlineData("floor-above-ceiling", "floor", "floor-above-ceiling")]
    [InlineData("floor-above-ldc-ceiling", "floor", "floor-above-ceiling")]
    [InlineData("floors-above-the-whole", "floor", "infeasible")]
    [InlineData("ceilings-below-the-whole", "ceiling", "infeasible")]
    [InlineData("excess-left-to-zero-rates", "members", "infeasible")]
    [InlineData("no-budget", "budget", "required")]
    [InlineData("negative-budget", "budget", "not-negative")]
    [InlineData("voluntary-without-currency", "voluntaryDeduction", "required")]
    [InlineData("negative-voluntary", "voluntaryDeduction", "not-negative")]
    [InlineData("voluntary-in-another-currency", "voluntaryDeduction", "same-currency")]
    public void Bad_input_is_reported_by_field_and_rule(string problem, string field, string rule)
    {
        var request = Bad(problem);

        Assert.Contains((field, rule), Rules(request));
        Assert.False(AssessmentMath.TryAssess(request, out var assessment, out var errors));
        Assert.Null(assessment);
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var request = WorkedExample() with
        {
            Budget = Usd(-1m),
            Members = [new("a", -1m, false), new("a", 1m, false)],
            Ceiling = 1.5m,
        };

        Assert.Equal(
            [("budget", "not-negative"), ("members[0].rate", "not-negative"), ("members[1].memberId", "unique"), ("ceiling", "range")],
            Rules(request));
    }

    [Fact]
    public void Infeasible_limits_say_what_is_wrong_and_do_not_loop()
    {
        var five = Seven.Take(5).ToArray();

        var floors = AssessmentMath.Validate(new AssessmentRequest(Usd(100m), null, five, 0.25m, 0.5m, 0.5m)).Single();
        Assert.Equal("5 members at the floor of 25 % would pay 125 %: the floor can be at most 20 %.", floors.Message);

        var ceilings = AssessmentMath.Validate(new AssessmentRequest(Usd(100m), null, five, 0m, 0.15m, 0.15m)).Single();
        Assert.Equal(
            "Every member at its ceiling (ldcCeiling for least developed countries) would pay only 75 % of the amount assessed; raise the ceilings or add members.",
            ceilings.Message);
    }

    private static AssessmentRequest Bad(string problem)
    {
        var valid = WorkedExample();
        AssessmentMember[] With(int index, AssessmentMember member) =>
            [.. Seven.Select((m, i) => i == index ? member : m)];
        return problem switch
        {
            "no-members" => valid with { Members = [] },
            "null-members" => valid with { Members = null! },
            "blank-member-id" => valid with { Members = With(1, new(" ", 20m, false)) },
            "duplicate-member-id" => valid with { Members = With(2, new("alpha", 20m, false)) },
            "negative-rate" => valid with { Members = With(1, new("bravo", -0.5m, false)) },
            "rate-above-100" => valid with { Members = With(0, new("alpha", 100.001m, false)) },
            "rates-all-zero" => valid with { Members = [new("a", 0m, false), new("b", 0m, false)] },
            "negative-floor" => valid with { Floor = -0.001m },
            "negative-ceiling" => valid with { Ceiling = -0.22m },
            "negative-ldc-ceiling" => valid with { LdcCeiling = -0.01m },
            "ceiling-above-one" => valid with { Ceiling = 1.01m },
            "ldc-ceiling-above-one" => valid with { LdcCeiling = 1.01m },
            "floor-above-ceiling" => valid with { Floor = 0.3m },
            "floor-above-ldc-ceiling" => valid with { Floor = 0.02m },
            "floors-above-the-whole" => valid with { Floor = 0.15m, Ceiling = 0.3m, LdcCeiling = 0.3m },
            "ceilings-below-the-whole" => valid with { Ceiling = 0.14m },
            // b's ceiling leaves 50 % that only c could take, but a zero rate takes nothing in proportion.
            "excess-left-to-zero-rates" => valid with { Members = [new("b", 1m, false), new("c", 0m, false)], Floor = 0m, Ceiling = 0.5m, LdcCeiling = 0.5m },
            "no-budget" => valid with { Budget = default },
            "negative-budget" => valid with { Budget = Usd(-0.01m) },
            "voluntary-without-currency" => valid with { VoluntaryDeduction = default(Money) },
            "negative-voluntary" => valid with { VoluntaryDeduction = Usd(-1m) },
            "voluntary-in-another-currency" => valid with { VoluntaryDeduction = Money.Of(1m, Currency.EUR) },
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "No such bad request."),
        };
    }
}
