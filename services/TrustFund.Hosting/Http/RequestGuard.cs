using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace TrustFund.Hosting.Http;

/// <summary>
/// What every request passes before its endpoint, so that no endpoint can forget it: route and query values carry no
/// control characters (not even tab or a line break: they are one line by nature), a query parameter is given once
/// (none of ours is a list, so a second value could only be ambiguous), and an operation that takes no body
/// refuses one, so a client that believes it sent options (<c>{"approvals":2}</c>) learns they were not read. An empty
/// body, whitespace, or exactly <c>{}</c> is not a body.
/// </summary>
internal static class RequestGuard
{
    /// <summary>Longer than any spelling of "nothing" worth accepting (<c>{}</c> with some whitespace).</summary>
    private const int IgnorableBodyLength = 64;

    public static WebApplication UseRequestGuard(this WebApplication app)
    {
        app.Use(GuardAsync);
        return app;
    }

    private static async Task GuardAsync(HttpContext http, RequestDelegate next)
    {
        var errors = new ValidationErrors();
        foreach (var (name, value) in http.Request.RouteValues)
        {
            RefuseControlCharacters(errors, name, value as string);
        }
        foreach (var (name, values) in http.Request.Query)
        {
            RefuseControlCharacters(errors, name, name);
            errors.AddIf(values.Count > 1, name, "duplicate-field", $"{name} is given more than once; give each parameter once.");
            foreach (var value in values)
            {
                RefuseControlCharacters(errors, name, value);
            }
        }
        if (errors.IsEmpty && ExpectsNoBody(http) && await HasBodyAsync(http.Request))
        {
            errors.Add("body", "no-body-expected", "This operation takes no body; send none (or {}).");
        }
        if (!errors.IsEmpty)
        {
            await errors.ToProblem().ExecuteAsync(http);
            return;
        }
        await next(http);
    }

    private static void RefuseControlCharacters(ValidationErrors errors, string name, string? value)
    {
        if (value is not null && ValidationRules.HasControlCharactersInLine(value))
        {
            errors.Add(name, ValidationRules.ControlCharactersRule, $"{name} holds a control character (a line break, tab, NUL, ESC, C1 or a bidirectional control).");
        }
    }

    private static bool ExpectsNoBody(HttpContext http) =>
        (HttpMethods.IsPost(http.Request.Method) || HttpMethods.IsPut(http.Request.Method) || HttpMethods.IsPatch(http.Request.Method)
            || HttpMethods.IsDelete(http.Request.Method))
        && http.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is null;

    private static async Task<bool> HasBodyAsync(HttpRequest request)
    {
        if (request.ContentLength == 0)
        {
            return false;
        }
        var buffer = new byte[IgnorableBodyLength + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted)) > 0)
        {
            length += read;
        }
        if (length > IgnorableBodyLength)
        {
            return true;
        }
        var text = string.Concat(Encoding.UTF8.GetString(buffer, 0, length).Where(c => !char.IsWhiteSpace(c)));
        return text is not ("" or "{}");
    }
}
