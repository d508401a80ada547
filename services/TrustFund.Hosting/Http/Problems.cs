using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace TrustFund.Hosting.Http;

/// <summary>Problem details for refusals that are not about the request's shape (those are <see cref="ValidationErrors"/>).</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string title, string detail, string field) =>
        Of(StatusCodes.Status404NotFound, title, detail, field, "exists");

    public static ProblemHttpResult Conflict(string title, string detail, string field, string rule) =>
        Of(StatusCodes.Status409Conflict, title, detail, field, rule);

    public static ProblemHttpResult Unprocessable(string title, string detail, string field, string rule) =>
        Of(StatusCodes.Status422UnprocessableEntity, title, detail, field, rule);

    public static ProblemHttpResult Forbidden(string title, string detail, string field) =>
        Of(StatusCodes.Status403Forbidden, title, detail, field, "authorised");

    /// <summary>A refusal with any status, naming the field and the rule.</summary>
    public static ProblemHttpResult Of(int status, string title, string detail, string field, string rule) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { ["field"] = field, ["rule"] = rule });
}
