using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using TrustFund.Contracts.Amounts;

namespace TrustFund.Pledges.Assessments;

/// <summary>
/// A participating member. <paramref name="ScaleRate"/> is its rate on the UN scale of assessment, in percent as the
/// General Assembly publishes it (22.0 for 22 %) or as a fraction: only the ratios between members count, because the
/// rates are re-normalised to the membership. At most 100, so that sums stay far from decimal's range.
/// </summary>
public sealed record AssessmentMember(string MemberId, decimal ScaleRate, bool LeastDeveloped);

/// <summary>
/// What to apportion: a year's core budget, less (hybrid model) the voluntary contributions to core pledged for that
/// year, among <paramref name="Members"/>. <paramref name="VoluntaryDeduction"/> is null when nothing is deducted.
/// <paramref name="Floor"/>, <paramref name="Ceiling"/> and <paramref name="LdcCeiling"/> are fractions of the amount
/// assessed (0.22 is 22 %); see <see cref="AssessmentMath.UnFloor"/> and its siblings for the General Assembly's.
/// </summary>
public sealed record AssessmentRequest(
    Money Budget,
    Money? VoluntaryDeduction,
    IReadOnlyList<AssessmentMember> Members,
    decimal Floor,
    decimal Ceiling,
    decimal LdcCeiling);

/// <summary>Which limit holds a member's effective rate; stable strings, shown in previews.</summary>
public static class RateLimits
{
    public const string None = "none";
    public const string Floor = "floor";
    public const string Ceiling = "ceiling";
    public const string LdcCeiling = "ldc-ceiling";
}

/// <summary>
/// One member's assessment. Rates are fractions: <paramref name="NormalisedRate"/> is its scale rate over the sum of
/// the members' rates; <paramref name="EffectiveRate"/> is that rate after the floor and ceilings, and what its share
/// is in proportion to; <paramref name="Limit"/> is one of <see cref="RateLimits"/>.
/// </summary>
public sealed record MemberAssessment(
    string MemberId,
    decimal ScaleRate,
    bool LeastDeveloped,
    decimal NormalisedRate,
    decimal EffectiveRate,
    string Limit,
    Money Share)
{
    public bool IsFloored => Limit == RateLimits.Floor;

    public bool IsCapped => Limit is RateLimits.Ceiling or RateLimits.LdcCeiling;
}

/// <summary>
/// The apportionment: <paramref name="Budgeted"/> − <paramref name="VoluntaryDeducted"/> = <paramref name="Assessed"/>
/// (the deduction is what the voluntary contributions cover, so never more than the budget), the members in the order
/// given, with shares adding up exactly to <paramref name="Assessed"/>, and the computation line by line.
/// </summary>
public sealed record Assessment(
    Money Budgeted,
    Money VoluntaryDeducted,
    Money Assessed,
    IReadOnlyList<MemberAssessment> Members,
    IReadOnlyList<string> Steps);

/// <summary>What is wrong with a request: the field (<c>members[2].rate</c>), the rule it broke (<see cref="AssessmentRules"/>), and why.</summary>
public sealed record AssessmentError(string Field, string Rule, string Message);

/// <summary>The names of the rules an assessment request can break; stable strings, used in problem details.</summary>
public static class AssessmentRules
{
    public const string Required = "required";
    public const string NotNegative = "not-negative";
    public const string PositiveSum = "positive-sum";
    public const string Unique = "unique";
    public const string FloorAboveCeiling = "floor-above-ceiling";
    public const string Infeasible = "infeasible";
    public const string Range = "range";
    public const string SameCurrency = "same-currency";
}

/// <summary>
/// Apportions a fund's core budget among its members by the UN scale of assessment adjusted to the membership, as
/// treaty bodies do: re-normalise the members' scale rates, hold them between a floor and a ceiling (a lower one for
/// least developed countries), and split the amount assessed in money by the resulting rates. Pure: no I/O.
/// </summary>
public static class AssessmentMath
{
    /// <summary>The General Assembly's floor: 0.001 %.</summary>
    public const decimal UnFloor = 0.00001m;

    /// <summary>The General Assembly's ceiling: 22 %.</summary>
    public const decimal UnCeiling = 0.22m;

    /// <summary>The General Assembly's ceiling for least developed countries: 0.01 %.</summary>
    public const decimal UnLdcCeiling = 0.0001m;

    /// <summary>Scale rates are percentages or fractions, so nothing above 100 is a rate.</summary>
    private const decimal MaxScaleRate = 100m;

    /// <summary>Everything wrong with <paramref name="request"/>, all at once; empty when it can be assessed.</summary>
    public static IReadOnlyList<AssessmentError> Validate(AssessmentRequest request) =>
        TryAssess(request, out _, out var errors) ? [] : errors;

    /// <summary>
    /// Assesses <paramref name="request"/>. On failure <paramref name="errors"/> says why, including limits no
    /// apportionment can meet (rule <see cref="AssessmentRules.Infeasible"/>); the computation never loops.
    /// </summary>
    public static bool TryAssess(
        AssessmentRequest request,
        [NotNullWhen(true)] out Assessment? assessment,
        out IReadOnlyList<AssessmentError> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        assessment = null;
        errors = CheckInput(request);
        if (errors.Count > 0)
        {
            return false;
        }

        var steps = new List<string>();
        var (deducted, assessed) = AmountAssessed(request, steps);
        var normalised = Normalise(request.Members, steps);
        var effective = new decimal[request.Members.Count];
        var limits = new string[request.Members.Count];
        var infeasible = ApplyLimits(request, effective, limits, steps);
        if (infeasible is not null)
        {
            errors = [infeasible];
            return false;
        }

        var shares = Split(assessed, request.Members, effective, limits, steps);
        assessment = new Assessment(
            request.Budget,
            deducted,
            assessed,
            [.. request.Members.Select((m, i) => new MemberAssessment(
                m.MemberId, m.ScaleRate, m.LeastDeveloped, normalised[i], effective[i], limits[i], shares[i]))],
            steps);
        return true;
    }

    private static List<AssessmentError> CheckInput(AssessmentRequest request)
    {
        var errors = new List<AssessmentError>();
        void Add(string field, string rule, string message) => errors.Add(new AssessmentError(field, rule, message));

        var budget = request.Budget;
        if (budget.Currency is null)
        {
            Add("budget", AssessmentRules.Required, "budget (an amount with its currency) is required.");
        }
        else if (budget.IsNegative)
        {
            Add("budget", AssessmentRules.NotNegative, "budget cannot be negative.");
        }

        if (request.VoluntaryDeduction is { } voluntary)
        {
            if (voluntary.Currency is null)
            {
                Add("voluntaryDeduction", AssessmentRules.Required, "voluntaryDeduction needs a currency; leave it out when nothing is deducted.");
            }
            else if (budget.Currency is not null && voluntary.Currency != budget.Currency)
            {
                Add("voluntaryDeduction", AssessmentRules.SameCurrency,
                    $"voluntaryDeduction is in {voluntary.Currency.Code} but the budget is in {budget.Currency.Code}; convert it first.");
            }
            else if (voluntary.IsNegative)
            {
                Add("voluntaryDeduction", AssessmentRules.NotNegative, "voluntaryDeduction cannot be negative.");
            }
        }

        var membersValid = CheckMembers(request.Members, Add);
        var limitsValid = CheckLimits(request, Add);
        if (membersValid && limitsValid)
        {
            CheckFeasible(request, Add);
        }

        return errors;
    }

    private static bool CheckMembers(IReadOnlyList<AssessmentMember>? members, Action<string, string, string> add)
    {
        if (members is null || members.Count == 0)
        {
            add("members", AssessmentRules.Required, "At least one member is required.");
            return false;
        }

        var valid = true;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            if (member is null || string.IsNullOrWhiteSpace(member.MemberId))
            {
                add($"members[{i}].memberId", AssessmentRules.Required, $"members[{i}].memberId is required.");
                valid = false;
                continue;
            }

            if (!ids.Add(member.MemberId))
            {
                add($"members[{i}].memberId", AssessmentRules.Unique, $"Member '{member.MemberId}' is listed more than once.");
                valid = false;
            }

            if (member.ScaleRate < 0m)
            {
                add($"members[{i}].rate", AssessmentRules.NotNegative, $"The scale rate of '{member.MemberId}' cannot be negative.");
                valid = false;
            }
            else if (member.ScaleRate > MaxScaleRate)
            {
                add($"members[{i}].rate", AssessmentRules.Range,
                    $"The scale rate of '{member.MemberId}' must be a percentage (at most 100) or a fraction.");
                valid = false;
            }
        }

        if (valid && members.All(m => m.ScaleRate == 0m))
        {
            add("members", AssessmentRules.PositiveSum, "The members' scale rates add up to zero: there is nothing to apportion by.");
            valid = false;
        }

        return valid;
    }

    private static bool CheckLimits(AssessmentRequest request, Action<string, string, string> add)
    {
        var valid = true;
        void Check(bool broken, string field, string rule, string message)
        {
            if (broken)
            {
                add(field, rule, message);
                valid = false;
            }
        }

        Check(request.Floor < 0m, "floor", AssessmentRules.NotNegative, "floor cannot be negative (0 means no floor).");
        Check(request.Ceiling < 0m, "ceiling", AssessmentRules.NotNegative, "ceiling cannot be negative.");
        Check(request.LdcCeiling < 0m, "ldcCeiling", AssessmentRules.NotNegative, "ldcCeiling cannot be negative.");
        Check(request.Ceiling > 1m, "ceiling", AssessmentRules.Range, "ceiling is a fraction of the amount assessed (0.22 for 22 %), at most 1.");
        Check(request.LdcCeiling > 1m, "ldcCeiling", AssessmentRules.Range, "ldcCeiling is a fraction of the amount assessed (0.0001 for 0.01 %), at most 1.");
        Check(request.Floor > request.Ceiling, "floor", AssessmentRules.FloorAboveCeiling,
            Text($"floor {Percent(request.Floor)} is above ceiling {Percent(request.Ceiling)}."));
        Check(request.Floor > request.LdcCeiling, "floor", AssessmentRules.FloorAboveCeiling,
            Text($"floor {Percent(request.Floor)} is above ldcCeiling {Percent(request.LdcCeiling)}."));
        return valid;
    }

    // A floor and ceilings can be met together exactly when the floors of all members fit in the whole and the
    // ceilings of all members cover it (the floor being below every ceiling is checked already).
    private static void CheckFeasible(AssessmentRequest request, Action<string, string, string> add)
    {
        var count = request.Members.Count;
        if (count * request.Floor > 1m)
        {
            add("floor", AssessmentRules.Infeasible,
                Text($"{count} members at the floor of {Percent(request.Floor)} would pay {Percent(count * request.Floor)}: the floor can be at most {Percent(1m / count)}."));
        }

        var ceilings = request.Members.Sum(m => CeilingOf(m, request));
        if (ceilings < 1m)
        {
            add("ceiling", AssessmentRules.Infeasible,
                Text($"Every member at its ceiling (ldcCeiling for least developed countries) would pay only {Percent(ceilings)} of the amount assessed; raise the ceilings or add members."));
        }
    }

    private static (Money Deducted, Money Assessed) AmountAssessed(AssessmentRequest request, List<string> steps)
    {
        var budget = request.Budget;
        var voluntary = request.VoluntaryDeduction ?? Money.Zero(budget.Currency);
        if (request.VoluntaryDeduction is null)
        {
            steps.Add(Text($"Budget {budget} is assessed in full (no voluntary contributions deducted)."));
            return (voluntary, budget);
        }

        if (voluntary.IsPositive && voluntary >= budget)
        {
            steps.Add(Text($"Voluntary contributions to core {voluntary} cover the budget {budget}: nothing is assessed."));
            return (budget, Money.Zero(budget.Currency));
        }

        var assessed = budget - voluntary;
        steps.Add(Text($"Budget {budget} − voluntary contributions to core {voluntary} = {assessed} assessed."));
        return (voluntary, assessed);
    }

    private static decimal[] Normalise(IReadOnlyList<AssessmentMember> members, List<string> steps)
    {
        var sum = members.Sum(m => m.ScaleRate);
        steps.Add(Text($"Scale rates of the {members.Count} members add up to {sum}; each is divided by {sum}:"));
        var normalised = new decimal[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            normalised[i] = members[i].ScaleRate / sum;
            steps.Add(Text($"  {members[i].MemberId}: {members[i].ScaleRate} / {sum} = {Percent(normalised[i])}"));
        }

        return normalised;
    }

    /// <summary>
    /// Fills <paramref name="effective"/> and <paramref name="limits"/>, or returns why no rates can meet the limits.
    /// Each round shares what the held members leave among the others in proportion to their scale rates (which is
    /// proportional to their current rates), then holds those that break a limit: first any above their ceiling;
    /// only when none is, any below the floor. Members at the floor stay there. Members at a ceiling are released
    /// whenever new members reach the floor, and held again in the next round if still above it: raising members to
    /// the floor lowers everyone else, and a member capped earlier may now be below its ceiling. Keeping it capped
    /// could leave the rates adding up to more than 100 % even when the limits can be met.
    /// </summary>
    /// <remarks>
    /// Why it ends, and ends right: within a run of ceiling rounds the others only gain, so a capped member stays
    /// above its ceiling and each round holds at least one more member; a floor round holds at least one more member
    /// for good, and everyone it floors is below the floor in the exact answer too (whose common factor, rate share per
    /// unit of scale rate, is no larger than this round's). So there are at most (n + 1)² rounds; the cap is a guard
    /// against a bug, not a tuning knob.
    /// </remarks>
    private static AssessmentError? ApplyLimits(AssessmentRequest request, decimal[] effective, string[] limits, List<string> steps)
    {
        var members = request.Members;
        Array.Fill(limits, RateLimits.None);
        var maxRounds = (members.Count + 1) * (members.Count + 1);
        for (var round = 1; round <= maxRounds; round++)
        {
            var free = Enumerable.Range(0, members.Count).Where(i => limits[i] == RateLimits.None).ToList();
            var held = Enumerable.Range(0, members.Count).Where(i => limits[i] != RateLimits.None).Sum(i => effective[i]);
            var remaining = 1m - held;
            var freeRates = free.Sum(i => members[i].ScaleRate);
            if (freeRates == 0m && remaining != 0m)
            {
                return new AssessmentError("members", AssessmentRules.Infeasible,
                    Text($"After holding members at their limits, {Percent(remaining)} of the amount assessed is left and no member with a positive scale rate is free to take it; relax the floor or ceilings, or give the members a scale rate."));
            }

            steps.Add(held == 0m
                ? Text($"Round {round}: 100 % shared by all {free.Count} members in proportion to their scale rates.")
                : Text($"Round {round}: {Percent(remaining)} left by the members held at a limit is shared by the other {free.Count} in proportion to their scale rates (sum {freeRates})."));
            foreach (var i in free)
            {
                // Multiply first: the remainder and the scale rates are short decimals, so this divides only once.
                effective[i] = freeRates == 0m ? 0m : remaining * members[i].ScaleRate / freeRates;
            }

            var above = free.Where(i => effective[i] > CeilingOf(members[i], request)).ToList();
            if (above.Count > 0)
            {
                foreach (var i in above)
                {
                    var ceiling = CeilingOf(members[i], request);
                    limits[i] = members[i].LeastDeveloped ? RateLimits.LdcCeiling : RateLimits.Ceiling;
                    steps.Add(Text($"  {members[i].MemberId}: {Percent(effective[i])} is above its {limits[i]} of {Percent(ceiling)}; lowered to {Percent(ceiling)}."));
                    effective[i] = ceiling;
                }

                continue;
            }

            var below = free.Where(i => effective[i] < request.Floor).ToList();
            if (below.Count > 0)
            {
                foreach (var i in below)
                {
                    limits[i] = RateLimits.Floor;
                    steps.Add(Text($"  {members[i].MemberId}: {Percent(effective[i])} is below the floor of {Percent(request.Floor)}; raised to {Percent(request.Floor)}."));
                    effective[i] = request.Floor;
                }

                var released = Enumerable.Range(0, members.Count).Where(i => limits[i] is RateLimits.Ceiling or RateLimits.LdcCeiling).ToList();
                if (released.Count > 0)
                {
                    steps.Add("  The members at a ceiling are released and checked again, since the floors are paid for by everyone above them.");
                    released.ForEach(i => limits[i] = RateLimits.None);
                }

                continue;
            }

            steps.Add("  Every member is within its limits: these rates are final.");
            return null;
        }

        return new AssessmentError("members", AssessmentRules.Infeasible,
            Text($"The floor and ceilings did not settle within {maxRounds} rounds."));
    }

    private static IReadOnlyList<Money> Split(
        Money assessed, IReadOnlyList<AssessmentMember> members, decimal[] effective, string[] limits, List<string> steps)
    {
        // LargestRemainder needs something to split; nothing assessed is nothing for everyone.
        var shares = assessed.IsZero
            ? Enumerable.Repeat(assessed, members.Count).ToList()
            : LargestRemainder.Split(assessed, effective);
        steps.Add(assessed.IsZero
            ? Text($"Nothing is assessed: every share is {assessed}.")
            : Text($"{assessed} split by the effective rates (largest remainder, so the shares add up exactly):"));
        for (var i = 0; i < members.Count; i++)
        {
            var held = limits[i] == RateLimits.None ? "" : $" ({limits[i]})";
            steps.Add(Text($"  {members[i].MemberId}: {Percent(effective[i])}{held} → {shares[i]}"));
        }

        return shares;
    }

    private static decimal CeilingOf(AssessmentMember member, AssessmentRequest request) =>
        member.LeastDeveloped ? request.LdcCeiling : request.Ceiling;

    // Rates in the steps are shown in percent to ten decimals: enough to recompute by hand, short enough to read.
    private static string Percent(decimal fraction) =>
        (fraction * 100m).ToString("0.##########", CultureInfo.InvariantCulture) + " %";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
