using FsCheck;
using FsCheck.Fluent;
using TrustFund.Contracts.Amounts;
using TrustFund.Pledges.Assessments;
using TrustFund.UnitTests.Amounts;

namespace TrustFund.UnitTests.Assessments;

public sealed class AssessmentMathPropertyTests
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(500);

    private static readonly Currency[] Currencies = [Currency.USD, Currency.JPY, Currency.BHD];

    // Scale rates in percent: a few UN-like values, so that equal rates are common, and any rate to a thousandth.
    private static readonly Gen<decimal> ScaleRate = Gen.Frequency(
        (3, Gen.Elements(0.001m, 0.01m, 0.5m, 1m, 2m, 8m, 22m)),
        (2, Gen.Choose(1, 22_000).Select(thousandths => thousandths / 1000m)));

    private static readonly Gen<AssessmentMember[]> Members =
        from count in Gen.Choose(1, 12)
        from rates in Gen.ArrayOf(ScaleRate, count)
        from ldc in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true))), count)
        select rates.Select((rate, i) => new AssessmentMember($"m{i}", rate, ldc[i])).ToArray();

    private static readonly Gen<Money> Budget =
        from currency in Gen.Elements(Currencies)
        from units in Gen.Frequency((1, Gen.Choose(0, 100)), (4, Gen.Choose(0, int.MaxValue)))
        select Money.Of(units / MoneyGenerators.PowerOfTen(currency.MinorUnits), currency);

    // Limits of every kind, feasible or not, UN ones among them.
    private static readonly Gen<(decimal Floor, decimal Ceiling, decimal LdcCeiling)> AnyLimits =
        from floor in Gen.Elements(0m, AssessmentMath.UnFloor, 0.001m, 0.01m, 0.05m, 0.1m, 0.3m)
        from ceiling in Gen.Elements(AssessmentMath.UnCeiling, 0.1m, 0.3m, 0.5m, 1m)
        from ldcCeiling in Gen.Elements(AssessmentMath.UnLdcCeiling, 0.01m, 0.1m, 0.22m, 1m)
        select (floor, ceiling, ldcCeiling);

    private static readonly Gen<AssessmentRequest> AnyRequest =
        from budget in Budget
        from members in Members
        from limits in AnyLimits
        select new AssessmentRequest(budget, null, members, limits.Floor, limits.Ceiling, limits.LdcCeiling);

    /// <summary>Requests whose limits can be met: floor under both ceilings, floors within the whole, ceilings covering it.</summary>
    private static readonly Gen<AssessmentRequest> FeasibleRequest = AnyRequest.Where(r =>
        r.Floor <= r.Ceiling && r.Floor <= r.LdcCeiling
        && r.Members.Count * r.Floor <= 1m
        && r.Members.Sum(m => m.LeastDeveloped ? r.LdcCeiling : r.Ceiling) >= 1m);

    private static readonly Arbitrary<AssessmentRequest> Feasible = FeasibleRequest.ToArbitrary();

    /// <summary>A feasible request with a voluntary deduction anywhere from nothing to more than the budget.</summary>
    private static readonly Arbitrary<AssessmentRequest> Hybrid = (
        from request in FeasibleRequest
        from percent in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Constant(100)), (6, Gen.Choose(0, 120)))
        select request with { VoluntaryDeduction = Rounding.ToMoney(request.Budget.Amount * percent / 100m, request.Budget.Currency) })
        .ToArbitrary();

    private static Assessment Assess(AssessmentRequest request)
    {
        Assert.True(AssessmentMath.TryAssess(request, out var assessment, out var errors), string.Join("; ", errors.Select(e => e.Message)));
        return assessment;
    }

    private static decimal CeilingOf(AssessmentRequest request, MemberAssessment member) =>
        member.LeastDeveloped ? request.LdcCeiling : request.Ceiling;

    [Fact]
    public void Shares_add_up_exactly_to_the_amount_assessed()
    {
        Check.One(Many, Prop.ForAll(Hybrid, request =>
        {
            var assessment = Assess(request);
            var total = assessment.Members.Aggregate(Money.Zero(request.Budget.Currency), (sum, m) => sum + m.Share);
            Assert.Equal(assessment.Assessed, total);
            Assert.Equal(assessment.Budgeted - assessment.VoluntaryDeducted, assessment.Assessed);
        }));
    }

    [Fact]
    public void Feasible_limits_are_always_met()
    {
        Check.One(Many, Prop.ForAll(Feasible, request =>
        {
            var assessment = Assess(request);
            Assert.All(assessment.Members, m =>
            {
                Assert.InRange(m.EffectiveRate, request.Floor, CeilingOf(request, m));
                Assert.True(!m.IsFloored || m.EffectiveRate == request.Floor, $"{m.MemberId} is floored off the floor");
                Assert.True(!m.IsCapped || m.EffectiveRate == CeilingOf(request, m), $"{m.MemberId} is capped off its ceiling");
            });
            Assert.InRange(assessment.Members.Sum(m => m.EffectiveRate), 1m - 1e-20m, 1m + 1e-20m);
        }));
    }

    [Fact]
    public void Members_not_held_at_a_limit_pay_in_proportion_to_their_scale_rates()
    {
        Check.One(Many, Prop.ForAll(Feasible, request =>
        {
            var free = Assess(request).Members.Where(m => m.Limit == RateLimits.None).ToList();
            foreach (var (a, b) in free.Zip(free.Skip(1)))
            {
                var difference = (a.EffectiveRate * b.ScaleRate) - (b.EffectiveRate * a.ScaleRate);
                Assert.InRange(difference, -1e-24m, 1e-24m);
            }
        }));
    }

    [Fact]
    public void A_higher_scale_rate_never_gives_a_lower_effective_rate_in_the_same_group()
    {
        Check.One(Many, Prop.ForAll(Feasible, request =>
        {
            var members = Assess(request).Members;
            foreach (var a in members)
            {
                Assert.All(
                    members.Where(b => b.LeastDeveloped == a.LeastDeveloped && b.ScaleRate > a.ScaleRate),
                    b => Assert.True(b.EffectiveRate >= a.EffectiveRate, $"{b.MemberId} pays a lower rate than {a.MemberId}"));
            }
        }));
    }

    [Fact]
    public void Members_with_equal_scale_rates_and_ldc_status_pay_the_same_to_a_minor_unit()
    {
        Check.One(Many, Prop.ForAll(Hybrid, request =>
        {
            var assessment = Assess(request);
            var unit = 1m / MoneyGenerators.PowerOfTen(request.Budget.Currency.MinorUnits);
            foreach (var group in assessment.Members.GroupBy(m => (m.ScaleRate, m.LeastDeveloped)))
            {
                Assert.Single(group.Select(m => m.EffectiveRate).Distinct());
                Assert.InRange(group.Max(m => m.Share.Amount) - group.Min(m => m.Share.Amount), 0m, unit);
            }
        }));
    }

    // Largest remainder is not monotone in the total (the Alabama paradox, pinned in AssessmentMathTests), so a
    // deduction can raise a rounded share by one minor unit. It cannot once the member's own part of the deduction is
    // a whole minor unit: each share is less than a unit off its exact value, both with and without the deduction.
    [Fact]
    public void A_voluntary_deduction_never_raises_a_share_beyond_rounding()
    {
        Check.One(Many, Prop.ForAll(Hybrid, request =>
        {
            var without = Assess(request with { VoluntaryDeduction = null });
            var with = Assess(request);
            var unit = 1m / MoneyGenerators.PowerOfTen(request.Budget.Currency.MinorUnits);
            var rateSum = with.Members.Sum(m => m.EffectiveRate);
            for (var i = 0; i < with.Members.Count; i++)
            {
                var rise = with.Members[i].Share.Amount - without.Members[i].Share.Amount;
                var partOfDeduction = with.VoluntaryDeducted.Amount * with.Members[i].EffectiveRate / rateSum;
                Assert.True(rise <= (partOfDeduction >= unit * 1.000001m ? 0m : unit),
                    $"{with.Members[i].MemberId}: {with.Members[i].Share} with the deduction, {without.Members[i].Share} without");
            }
        }));
    }

    [Fact]
    public void Nothing_to_assess_gives_every_member_zero()
    {
        Check.One(Many, Prop.ForAll(Feasible, request =>
        {
            var zero = Money.Zero(request.Budget.Currency);
            Assert.All(Assess(request with { Budget = zero }).Members, m => Assert.Equal(zero, m.Share));
            Assert.All(Assess(request with { VoluntaryDeduction = request.Budget }).Members, m => Assert.Equal(zero, m.Share));
        }));
    }

    [Fact]
    public void Any_limits_give_an_answer_or_a_reason_never_a_loop()
    {
        var zeroRatesToo = (
            from request in AnyRequest
            from zeros in Gen.ArrayOf(Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true))), request.Members.Count)
            select request with { Members = [.. request.Members.Select((m, i) => zeros[i] ? m with { ScaleRate = 0m } : m)] })
            .ToArbitrary();

        Check.One(Many, Prop.ForAll(zeroRatesToo, request =>
        {
            if (AssessmentMath.TryAssess(request, out var assessment, out var errors))
            {
                Assert.All(assessment.Members, m => Assert.InRange(m.EffectiveRate, request.Floor, CeilingOf(request, m)));
            }
            else
            {
                Assert.NotEmpty(errors);
                Assert.All(errors, e => Assert.Contains(e.Rule, new[] { "floor-above-ceiling", "infeasible", "positive-sum" }));
            }
        }));
    }
}
