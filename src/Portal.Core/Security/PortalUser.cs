using Microsoft.AspNetCore.Identity;

namespace Portal.Core.Security;

public sealed class PortalUser : IdentityUser
{
    public string? DisplayName { get; set; }
    public DateTime CreatedUtc { get; set; }
    /// <summary>The interface language the person chose for the back office (fr or de).</summary>
    public string? PreferredCulture { get; set; }
}
