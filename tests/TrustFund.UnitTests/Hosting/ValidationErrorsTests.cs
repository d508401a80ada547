using Microsoft.AspNetCore.Http;
using TrustFund.Hosting.Http;

namespace TrustFund.UnitTests.Hosting;

public sealed class ValidationErrorsTests
{
    [Fact]
    public void Problem_names_each_field_with_its_messages_and_rules()
    {
        var errors = new ValidationErrors()
            .Add("amount", "positive", "amount must be greater than zero.")
            .Add("amount", "scale", "too many decimals.")
            .Add("currency", "iso-4217", "unknown currency.");

        var problem = errors.ToProblem().ProblemDetails;

        Assert.Equal(StatusCodes.Status400BadRequest, problem.Status);
        Assert.Equal(["amount must be greater than zero.", "too many decimals."], problem.Errors["amount"]);
        Assert.Equal(["unknown currency."], problem.Errors["currency"]);
        var rules = Assert.IsType<Dictionary<string, string[]>>(problem.Extensions["rules"]);
        Assert.Equal(["positive", "scale"], rules["amount"]);
        Assert.Contains("currency", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AddIf_adds_only_when_the_rule_is_broken()
    {
        var errors = new ValidationErrors();

        Assert.False(errors.AddIf(false, "a", "r", "m"));
        Assert.True(errors.IsEmpty);
        Assert.True(errors.AddIf(true, "a", "r", "m"));
        Assert.False(errors.IsEmpty);
    }

    [Theory]
    [InlineData("$.amount", "amount")]
    [InlineData("$.earmark.kind", "earmark.kind")]
    [InlineData("$", null)]
    [InlineData(null, null)]
    public void Json_paths_become_field_names(string? path, string? field) =>
        Assert.Equal(field, BadRequestExceptionHandler.FieldOf(path));

    [Theory]
    [InlineData("Failed to bind parameter \"long? afterEntryId\" from \"abc\".", "afterEntryId")]
    [InlineData("Failed to bind parameter \"Guid contributionId\" from \"x\".", "contributionId")]
    [InlineData("Unexpected end of request content.", null)]
    public void Query_and_route_binding_failures_name_the_parameter(string message, string? field) =>
        Assert.Equal(field, BadRequestExceptionHandler.ParameterOf(message));

    [Fact]
    public void A_list_longer_than_its_bound_is_refused_as_max_count()
    {
        var errors = new ValidationErrors();

        Assert.True(errors.RequireMaxCount("instalments", 600, 600));
        Assert.True(errors.IsEmpty);
        Assert.False(errors.RequireMaxCount("instalments", 601, 600));
        var rules = Assert.IsType<Dictionary<string, string[]>>(errors.ToProblem().ProblemDetails.Extensions["rules"]);
        Assert.Equal(["max-count"], rules["instalments"]);
    }
}
