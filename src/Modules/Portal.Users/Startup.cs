using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Hosting;
using Portal.Core.Modules;
using Portal.Users.Recipes;
using Portal.Users.Services;

namespace Portal.Users;

public sealed class Startup : IModuleStartup
{
    public const string LoginRateLimit = "login";

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions<Permissions>();
        services.AddRouteTable(UsersRoutes.Table);
        // A visitor sent to sign in from a public page (the partner space) gets the public sign-in page, in that page's language.
        services.PostConfigure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var backOffice = o.Events.OnRedirectToLogin;
            o.Events.OnRedirectToLogin = context =>
            {
                var cultures = context.HttpContext.RequestServices.GetRequiredService<Portal.Core.Localization.Cultures>();
                var request = context.HttpContext.Request;
                if (UsersRoutes.SignInFor(request.Path.Value ?? "", cultures) is not { } signIn) return backOffice(context);
                context.Response.Redirect($"{signIn}?ReturnUrl={Uri.EscapeDataString(request.PathBase + request.Path + request.QueryString)}");
                return Task.CompletedTask;
            };
        });
        services.AddRecipeStep<RolesStep>();
        services.AddScoped<RolePermissions>();
        // Invitations use Identity's password-reset tokens: signed, bound to the account's security stamp, valid a week.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(7));
        // "Forgot your password?" links: their own provider, valid two hours.
        services.AddTransient<ResetLinkTokenProvider>();
        services.AddTransient<SingleUseAuthenticatorTokenProvider>();
        services.Configure<IdentityOptions>(o =>
        {
            o.Tokens.ProviderMap[ResetLinkTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(ResetLinkTokenProvider));
            o.Tokens.ProviderMap[TokenOptions.DefaultAuthenticatorProvider] = new TokenProviderDescriptor(typeof(SingleUseAuthenticatorTokenProvider));
        });
        // The security stamp is checked on every request: signing out, or changing the password or two-step sign-in, ends the other sessions at once.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<PasswordResetMail>();
        // Ten sign-in attempts a minute per address (Portal:Users:SignInAttemptsPerMinute), on top of the growing delays of SignInThrottle.
        var perMinute = configuration.GetValue("Portal:Users:SignInAttemptsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = 429;
            o.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
