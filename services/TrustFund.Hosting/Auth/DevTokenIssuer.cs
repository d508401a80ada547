using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TrustFund.Hosting.Auth;

/// <summary>Signs tokens with the configured key, for local use and tests (the <c>dev-token</c> command).</summary>
public static class DevTokenIssuer
{
    public static string Issue(AuthOptions options, string subject, IEnumerable<string> roles,
        IReadOnlyDictionary<string, string>? claims = null, TimeSpan? lifetime = null)
    {
        var identity = new ClaimsIdentity([new Claim(TrustFundClaims.Subject, subject)]);
        foreach (var role in roles)
        {
            identity.AddClaim(new Claim(TrustFundClaims.Role, role));
        }
        foreach (var (type, value) in claims ?? new Dictionary<string, string>())
        {
            identity.AddClaim(new Claim(type, value));
        }
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = identity,
            Issuer = options.Issuer,
            Audience = options.Audience,
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(12)),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(options.SigningKeyBytes()), SecurityAlgorithms.HmacSha256),
        });
    }
}
