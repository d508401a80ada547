using TrustFund.Hosting.Http;

namespace TrustFund.Reporting.Statements;

/// <summary>The date arguments every statement takes, checked once.</summary>
public static class StatementPeriod
{
    /// <summary>A period by posting date: both ends required, <c>to</c> not before <c>from</c>.</summary>
    public static ValidationErrors Check(DateOnly? from, DateOnly? to)
    {
        var errors = new ValidationErrors();
        errors.RequirePeriod(from, to);
        return errors;
    }

    /// <summary>A statement as at a date: required.</summary>
    public static ValidationErrors CheckAsOf(DateOnly? asOf)
    {
        var errors = new ValidationErrors();
        errors.AddIf(asOf is null, "asOf", "required", "asOf (yyyy-MM-dd) is required.");
        return errors;
    }
}
