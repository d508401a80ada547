namespace TrustFund.Contracts.Messages;

/// <summary>What a contribution may pay for: the fund's core, one window, or one project (inside a window).</summary>
public sealed record Earmark
{
    public required string Kind { get; init; }

    public string? WindowId { get; init; }

    public string? ProjectId { get; init; }

    public static Earmark Unearmarked { get; } = new() { Kind = EarmarkKinds.Unearmarked };
}

public static class EarmarkKinds
{
    public const string Unearmarked = "unearmarked";
    public const string Window = "window";
    public const string Project = "project";

    public static bool IsKnown(string? kind) => kind is Unearmarked or Window or Project;
}
