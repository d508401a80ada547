using TrustFund.Hosting.Http;

namespace TrustFund.UnitTests.Hosting;

public sealed class PagingTests
{
    [Fact]
    public void The_extra_row_says_another_page_follows_and_names_the_last_item_kept()
    {
        var page = Paging.Of([1, 2, 3], 2, i => $"item-{i}");

        Assert.Equal([1, 2], page.Items);
        Assert.Equal("item-2", page.Next);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    [InlineData(0)]
    public void Without_the_extra_row_the_page_is_the_last(int rows)
    {
        var page = Paging.Of([.. Enumerable.Range(1, rows)], 2, i => $"item-{i}");

        Assert.Equal(rows, page.Items.Count);
        Assert.Null(page.Next);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(201)]
    public void A_limit_outside_one_to_two_hundred_is_refused(int limit)
    {
        var errors = new ValidationErrors();

        errors.RequireLimit(limit);

        Assert.False(errors.IsEmpty);
    }

    [Theory]
    [InlineData(null, 50)]
    [InlineData(1, 1)]
    [InlineData(200, 200)]
    public void A_limit_in_range_or_none_is_taken(int? limit, int expected)
    {
        var errors = new ValidationErrors();

        Assert.Equal(expected, errors.RequireLimit(limit));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("fund-asm", true)]
    [InlineData(null, true)]
    [InlineData("Fund ASM", false)]
    [InlineData("fund-asm\n", false)]
    public void An_id_cursor_must_be_an_id(string? after, bool accepted)
    {
        var errors = new ValidationErrors();

        errors.RequireAfterId(after);

        Assert.Equal(accepted, errors.IsEmpty);
    }
}
