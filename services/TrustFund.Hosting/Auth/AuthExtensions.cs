using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace TrustFund.Hosting.Auth;

internal static class AuthExtensions
{
    public static IServiceCollection AddTrustFundAuth(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) =>
            {
                var settings = auth.Value;
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = new SymmetricSecurityKey(settings.SigningKeyBytes()),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = TrustFundClaims.Subject,
                    RoleClaimType = TrustFundClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        // An endpoint mapped without RequireAuthorization is closed to anonymous callers, never open by omission.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Finance, p => p.RequireRole(Roles.Finance))
            .AddPolicy(Roles.FundManager, p => p.RequireRole(Roles.FundManager))
            .AddPolicy(Roles.ProjectLead, p => p.RequireRole(Roles.ProjectLead))
            .AddPolicy(Roles.Donor, p => p.RequireRole(Roles.Donor))
            .AddPolicy(Roles.Auditor, p => p.RequireRole(Roles.Auditor));
        return services;
    }
}
