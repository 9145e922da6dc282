using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Portal.Core.Mail;

/// <summary>The site's address for links in messages: Portal:PublicUrl when set (a forged Host header cannot change it), else the request's.</summary>
public sealed class SiteAddress(IHttpContextAccessor accessor, IConfiguration configuration)
{
    public string Base => configuration["Portal:PublicUrl"] is { Length: > 0 } url ? url.TrimEnd('/')
        : accessor.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}" : "http://127.0.0.1:5080";
}
