namespace TrustFund.Hosting.Http;

/// <summary>One page of a list, and the cursor of the next (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>How lists are paged: at most <see cref="MaxLimit"/> items a page, <see cref="DefaultLimit"/> when not asked.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>The page size asked for (query <c>limit</c>), refused outside 1..<see cref="MaxLimit"/>.</summary>
    public static int RequireLimit(this ValidationErrors errors, int? limit)
    {
        errors.AddIf(limit is < 1 or > MaxLimit, "limit", "range", $"limit must be between 1 and {MaxLimit}.");
        return limit ?? DefaultLimit;
    }

    /// <summary>A page read with one row more than asked: that extra row only says another page follows.</summary>
    public static Page<T> Of<T>(IReadOnlyList<T> rowsPlusOne, int limit, Func<T, string> cursor) =>
        rowsPlusOne.Count > limit
            ? new Page<T>([.. rowsPlusOne.Take(limit)], cursor(rowsPlusOne[limit - 1]))
            : new Page<T>(rowsPlusOne, null);
}
