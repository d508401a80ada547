using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace TrustFund.Hosting.Http;

/// <summary>
/// Turns a body the framework could not bind (malformed JSON, a wrong type, an unknown field, a field named twice, a
/// control character in text, a number out of range) into a 400 problem that names the field, instead of a bare status.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            httpContext.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = BodyLimits.TooLarge().ProblemDetails,
                Exception = exception,
            });
        }

        var json = bad.InnerException as JsonException;
        var duplicate = json is null ? null : DuplicateOf(json.Message);
        var field = json is null ? ParameterOf(bad.Message) : FieldOf(json.Path, duplicate);
        var (rule, message) = json switch
        {
            null when field is not null => ("type", $"'{field}' has a value of the wrong type or out of the supported range."),
            null => ("body", bad.Message),
            RefusedValueException refused => (refused.Rule, $"'{field}' {refused.Message}"),
            _ when duplicate is not null =>
                ("duplicate-field", $"'{field}' appears more than once (names differing only in letter case are the same field); send each field once."),
            { Message: var m } when m.Contains("could not be mapped", StringComparison.Ordinal) =>
                ("unknown-field", $"'{field}' is not a field of this request; unknown fields are refused."),
            { InnerException: FormatException or OverflowException } =>
                ("type", $"'{field}' has a value of the wrong type or out of the supported range."),
            { Message: var m } when m.Contains("could not be converted", StringComparison.Ordinal) =>
                ("type", $"'{field}' has a value of the wrong type or out of the supported range."),
            _ => ("json", "The body is not well-formed JSON."),
        };

        var errors = new ValidationErrors().Add(field ?? "body", rule, message).ToProblem();
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = errors.ProblemDetails,
            Exception = exception,
        });
    }

    /// <summary>The parameter named in "Failed to bind parameter \"long? afterEntryId\" from \"x\"."</summary>
    internal static string? ParameterOf(string message) =>
        BindFailure().Match(message) is { Success: true } m ? m.Groups["name"].Value : null;

    [GeneratedRegex("""parameter "(?:[^"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)" from""", RegexOptions.CultureInvariant)]
    private static partial Regex BindFailure();

    /// <summary>
    /// "$.earmark.kind" becomes "earmark.kind"; "$" (the whole body) becomes null. A field named twice is named as the
    /// request spells it ("$.Amount" after "amount" becomes "amount").
    /// </summary>
    internal static string? FieldOf(string? path, string? duplicate = null)
    {
        var field = path switch
        {
            null or "$" => null,
            _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
            _ => path.TrimStart('$'),
        };
        if (field is null || duplicate is null)
        {
            return field;
        }
        var last = field.LastIndexOf('.');
        return last < 0 ? duplicate : $"{field[..(last + 1)]}{duplicate}";
    }

    /// <summary>The property in "Duplicate property 'amount' encountered during deserialization of type 'R'."</summary>
    internal static string? DuplicateOf(string message) =>
        DuplicateProperty().Match(message) is { Success: true } m ? m.Groups["name"].Value : null;

    [GeneratedRegex("""\ADuplicate property '(?<name>[^']*)'""", RegexOptions.CultureInvariant)]
    private static partial Regex DuplicateProperty();
}
