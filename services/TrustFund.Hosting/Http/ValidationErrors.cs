using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace TrustFund.Hosting.Http;

/// <summary>
/// Collects what is wrong with a request, field by field, and answers 400 with RFC 9457 problem details:
/// <c>errors</c> maps each field to its messages and <c>rules</c> maps it to the rules it broke.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> rules = new(StringComparer.Ordinal);

    public bool IsEmpty => messages.Count == 0;

    public ValidationErrors Add(string field, string rule, string message)
    {
        (messages.TryGetValue(field, out var m) ? m : messages[field] = []).Add(message);
        (rules.TryGetValue(field, out var r) ? r : rules[field] = []).Add(rule);
        return this;
    }

    /// <summary>Adds <paramref name="rule"/> when <paramref name="broken"/> holds; returns whether it held.</summary>
    public bool AddIf(bool broken, string field, string rule, string message)
    {
        if (broken)
        {
            Add(field, rule, message);
        }
        return broken;
    }

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(
        messages.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()),
        detail: $"The request is not valid: {string.Join("; ", messages.Select(kv => $"{kv.Key}: {string.Join(" ", kv.Value)}"))}",
        extensions: new Dictionary<string, object?> { ["rules"] = rules.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()) });

    public static ValidationProblem Single(string field, string rule, string message) => new ValidationErrors().Add(field, rule, message).ToProblem();
}
