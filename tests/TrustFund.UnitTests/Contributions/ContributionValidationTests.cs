using TrustFund.Pledges.Contributions;

namespace TrustFund.UnitTests.Contributions;

public sealed class ContributionValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static RecordContributionRequest Valid() => new(
        Guid.NewGuid(), "donor-norway", "fund-asm", 1000.50m, "USD", new EarmarkRequest("window", "mercury", null), new DateOnly(2026, 11, 1));

    private static IReadOnlyDictionary<string, string[]> Rules(RecordContributionRequest request)
    {
        var problem = ContributionValidation.Validate(request, Now);
        return problem.IsEmpty
            ? new Dictionary<string, string[]>()
            : (Dictionary<string, string[]>)problem.ToProblem().ProblemDetails.Extensions["rules"]!;
    }

    [Fact]
    public void A_complete_request_is_valid() => Assert.Empty(Rules(Valid()));

    [Fact]
    public void An_omitted_contribution_id_is_fine_but_the_empty_uuid_is_not()
    {
        Assert.Empty(Rules(Valid() with { ContributionId = null }));
        Assert.Equal(["not-empty"], Rules(Valid() with { ContributionId = Guid.Empty })["contributionId"]);
    }

    [Theory]
    [InlineData("-0.01", "USD", "positive")]
    [InlineData("0", "USD", "positive")]
    [InlineData("10.001", "USD", "scale")]
    [InlineData("1.5", "JPY", "scale")]
    [InlineData("1.0001", "BHD", "scale")]
    [InlineData("1000000000000.01", "USD", "range")]
    public void Amounts_are_checked_against_their_currency(string amount, string currency, string rule)
    {
        var rules = Rules(Valid() with { Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency = currency });

        Assert.Equal([rule], rules["amount"]);
    }

    [Theory]
    [InlineData("10.100", "USD")]
    [InlineData("7", "JPY")]
    [InlineData("1.001", "BHD")]
    public void Trailing_zeros_do_not_count_as_decimals(string amount, string currency) =>
        Assert.Empty(Rules(Valid() with { Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency = currency }));

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("XYZ", "iso-4217")]
    [InlineData("usd", "iso-4217")]
    public void Currency_must_be_an_iso_code(string? currency, string rule) =>
        Assert.Equal([rule], Rules(Valid() with { Currency = currency })["currency"]);

    [Theory]
    [InlineData("Upper", "id-format")]
    [InlineData("has space", "id-format")]
    [InlineData("-leading-dash", "id-format")]
    [InlineData(null, "required")]
    public void Ids_must_be_well_formed(string? donor, string rule) =>
        Assert.Equal([rule], Rules(Valid() with { DonorId = donor })["donorId"]);

    [Fact]
    public void Earmark_fields_must_match_its_kind()
    {
        Assert.Equal(["required"], Rules(Valid() with { Earmark = null })["earmark"]);
        Assert.Equal(["one-of"], Rules(Valid() with { Earmark = new("core", null, null) })["earmark.kind"]);
        Assert.Equal(["required"], Rules(Valid() with { Earmark = new("window", null, null) })["earmark.windowId"]);
        Assert.Equal(["absent"], Rules(Valid() with { Earmark = new("window", "w", "p") })["earmark.projectId"]);
        Assert.Equal(["required"], Rules(Valid() with { Earmark = new("project", "w", null) })["earmark.projectId"]);
        Assert.Equal(["absent"], Rules(Valid() with { Earmark = new("unearmarked", "w", null) })["earmark.windowId"]);
        Assert.Empty(Rules(Valid() with { Earmark = new("unearmarked", null, null) }));
        Assert.Empty(Rules(Valid() with { Earmark = new("project", "mercury", "proj-1") }));
    }

    [Fact]
    public void Value_date_cannot_be_in_the_future_beyond_a_days_grace()
    {
        Assert.Empty(Rules(Valid() with { ValueDate = new DateOnly(2026, 11, 24) }));
        Assert.Equal(["not-future"], Rules(Valid() with { ValueDate = new DateOnly(2026, 11, 25) })["valueDate"]);
        Assert.Equal(["range"], Rules(Valid() with { ValueDate = new DateOnly(1999, 12, 31) })["valueDate"]);
        Assert.Equal(["required"], Rules(Valid() with { ValueDate = null })["valueDate"]);
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var rules = Rules(new RecordContributionRequest(null, null, null, null, null, null, null));

        Assert.Equal(["amount", "currency", "donorId", "earmark", "fundId", "valueDate"], rules.Keys.Order(StringComparer.Ordinal));
    }
}
