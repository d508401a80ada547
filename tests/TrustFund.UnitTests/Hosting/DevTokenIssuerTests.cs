using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TrustFund.Hosting.Auth;

namespace TrustFund.UnitTests.Hosting;

public sealed class DevTokenIssuerTests
{
    private static AuthOptions Options(byte[]? key = null) => new()
    {
        Issuer = "trustfund-test",
        Audience = "trustfund",
        SigningKey = Convert.ToBase64String(key ?? RandomNumberGenerator.GetBytes(32)),
    };

    [Fact]
    public async Task Token_validates_with_the_same_key_and_carries_subject_roles_and_claims()
    {
        var options = Options();
        var token = DevTokenIssuer.Issue(options, "alice", [Roles.Finance, Roles.Auditor], new Dictionary<string, string> { [TrustFundClaims.DonorId] = "donor-x" });

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Parameters(options));

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("alice", result.ClaimsIdentity.FindFirst(TrustFundClaims.Subject)?.Value);
        Assert.Equal(["finance", "auditor"], result.ClaimsIdentity.FindAll(TrustFundClaims.Role).Select(c => c.Value));
        Assert.Equal("donor-x", result.ClaimsIdentity.FindFirst(TrustFundClaims.DonorId)?.Value);
    }

    [Fact]
    public async Task Token_signed_with_another_key_is_rejected()
    {
        var token = DevTokenIssuer.Issue(Options(), "mallory", [Roles.Finance]);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Parameters(Options()));

        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64 at all!")]
    public void Signing_keys_that_are_missing_short_or_malformed_are_refused(string key)
    {
        var options = Options();
        options.SigningKey = key;

        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.ErrorMessage!.Contains("SigningKey", StringComparison.Ordinal));
    }

    private static TokenValidationParameters Parameters(AuthOptions options) => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = options.Audience,
        IssuerSigningKey = new SymmetricSecurityKey(options.SigningKeyBytes()),
    };
}
