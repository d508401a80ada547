using TrustFund.Hosting.Http;

namespace TrustFund.Reporting.Statements;

/// <summary>The arguments of a statement as at a date, checked once (a period is checked by <c>RequirePeriod</c>).</summary>
public static class StatementPeriod
{
    /// <summary>A well-formed fund id and a required date.</summary>
    public static ValidationErrors CheckAsOf(string fundId, DateOnly? asOf)
    {
        var errors = new ValidationErrors();
        errors.RequireId("fundId", fundId);
        errors.AddIf(asOf is null, "asOf", "required", "asOf (yyyy-MM-dd) is required.");
        return errors;
    }
}
