using Microsoft.AspNetCore.Http.HttpResults;
using TrustFund.Hosting.Http;

namespace TrustFund.Earmarking.Structure;

/// <summary>The refusals every structure lookup gives, worded once.</summary>
public static class StructureProblems
{
    public static ProblemHttpResult UnknownFund(string fundId) => Problems.NotFound("Unknown fund", $"No fund '{fundId}' is defined.", "fundId");

    public static ProblemHttpResult UnknownProject(string fundId, string projectId) =>
        Problems.NotFound("Unknown project", $"Fund '{fundId}' has no project '{projectId}'.", "projectId");
}
