using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Directory;

namespace Portal.Network.Services;

/// <summary>The organisations of the directory a professional can name: published actors, one per localization set.</summary>
public sealed class Organisations(PortalDbContext db)
{
    public sealed record Organisation(string Set, string Title);

    public async Task<List<Organisation>> ListAsync(string culture)
    {
        var actors = await db.ContentItems.AsNoTracking().Where(i => i.Published && i.ContentType == DirectoryTypes.Actor)
            .Select(i => new { Set = i.LocalizationSet ?? i.ContentItemId, i.DisplayText, i.Culture }).ToListAsync();
        return actors.GroupBy(a => a.Set).Select(g => g.OrderBy(a => a.Culture == culture ? 0 : 1).First())
            .Select(a => new Organisation(a.Set, a.DisplayText)).OrderBy(a => a.Title, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The listed organisation whose name is the one typed (any case), or null: then it is a new one, kept as typed.</summary>
    public async Task<Organisation?> FindAsync(string name, string culture)
    {
        var typed = name.Trim();
        return (await ListAsync(culture)).FirstOrDefault(o => string.Equals(o.Title, typed, StringComparison.CurrentCultureIgnoreCase));
    }

    public async Task<string?> TitleOfAsync(string set, string culture)
    {
        var titles = await db.ContentItems.AsNoTracking().Where(i => i.Published && (i.LocalizationSet == set || i.ContentItemId == set))
            .Select(i => new { i.DisplayText, i.Culture }).ToListAsync();
        return titles.OrderBy(t => t.Culture == culture ? 0 : 1).FirstOrDefault()?.DisplayText;
    }
}
