using Microsoft.AspNetCore.Http;

namespace TrustFund.Hosting.Http;

/// <summary>One page of a list, and the cursor of the next (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>
/// How lists are paged: at most <see cref="MaxLimit"/> items a page, <see cref="DefaultLimit"/> when not asked, in a
/// stable order; the next page is asked for with <c>after</c> = the <c>next</c> of the page before (the key of its
/// last item), and read with <c>LIMIT @Limit</c> of one row more than asked, never with an offset.
/// </summary>
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

    /// <summary>The cursor of a list keyed by an id (query <c>after</c>): absent on the first page, else an id.</summary>
    public static string? RequireAfterId(this ValidationErrors errors, string? after)
    {
        errors.AddIf(after is not null && !ValidationRules.IsId(after), "after", "id-format",
            "after must be the next of the page before (the id of its last item).");
        return after;
    }

    /// <summary>A page read with one row more than asked: that extra row only says another page follows.</summary>
    public static Page<T> Of<T>(IReadOnlyList<T> rowsPlusOne, int limit, Func<T, string> cursor) =>
        rowsPlusOne.Count > limit
            ? new Page<T>([.. rowsPlusOne.Take(limit)], cursor(rowsPlusOne[limit - 1]))
            : new Page<T>(rowsPlusOne, null);

    /// <summary>
    /// Answers one page: refuses a bad <c>limit</c> (and whatever <paramref name="validate"/> adds) writing nothing, else
    /// reads <c>limit + 1</c> rows with <paramref name="readPlusOne"/> and keeps <c>limit</c> of them.
    /// </summary>
    public static Task<IResult> AnswerAsync<T>(int? limit, Func<int, Task<IReadOnlyList<T>>> readPlusOne, Func<T, string> cursor,
        Action<ValidationErrors>? validate = null) =>
        AnswerAsync(limit, readPlusOne, cursor, row => row, validate);

    /// <summary>The same, answering each row as <paramref name="item"/> makes it.</summary>
    public static async Task<IResult> AnswerAsync<TRow, TItem>(int? limit, Func<int, Task<IReadOnlyList<TRow>>> readPlusOne, Func<TRow, string> cursor,
        Func<TRow, TItem> item, Action<ValidationErrors>? validate = null)
    {
        var errors = new ValidationErrors();
        var size = errors.RequireLimit(limit);
        validate?.Invoke(errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        var page = Of(await readPlusOne(size + 1), size, cursor);
        return TypedResults.Ok(new Page<TItem>([.. page.Items.Select(item)], page.Next));
    }
}
