using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Content.Parts;
using Portal.Core.Data;
using Portal.Directory;

namespace Portal.Moderation.Services;

/// <summary>An organisation of the directory as a visitor sees it: its name and commune, and an opaque token that names it in a form (never its id).</summary>
public sealed record OrganisationMatch(string Token, string Id, string Name, string? Commune);

/// <summary>Finds the directory's organisations by name and commune, ignoring case and accents, on the server (no script needed).</summary>
public sealed class OrganisationSearch(PortalDbContext db, IDataProtectionProvider protection)
{
    public const int MaxResults = 20;

    private IDataProtector Protector => protection.CreateProtector("Portal.Moderation.Organisation");

    public string TokenOf(string id) => Protector.Protect(id);

    /// <summary>The actor a token names, or null when the token is forged, altered or names no organisation.</summary>
    public async Task<OrganisationMatch?> ResolveAsync(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        string id;
        try { id = Protector.Unprotect(token); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == id && i.Latest && i.ContentType == DirectoryTypes.Actor);
        return item is null ? null : new OrganisationMatch(token, id, item.DisplayText, item.As<AddressPart>().Commune.Text);
    }

    /// <summary>Organisations of <paramref name="culture"/> whose name holds every word of <paramref name="name"/> and whose commune holds <paramref name="commune"/>.</summary>
    public async Task<IReadOnlyList<OrganisationMatch>> FindAsync(string? name, string? commune, string culture)
    {
        var words = Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var place = Fold(commune);
        if (words.Length == 0 && place.Length == 0) return [];
        var actors = await db.ContentItems.AsNoTracking()
            .Where(i => i.Latest && i.ContentType == DirectoryTypes.Actor && (i.Culture == culture || i.Culture == ""))
            .OrderBy(i => i.DisplayText).ToListAsync();
        return actors
            .Select(i => (Item: i, Commune: i.As<AddressPart>().Commune.Text))
            .Where(a => words.All(Fold(a.Item.DisplayText).Contains) && (place.Length == 0 || Fold(a.Commune).Contains(place)))
            .Take(MaxResults)
            .Select(a => new OrganisationMatch(TokenOf(a.Item.ContentItemId), a.Item.ContentItemId, a.Item.DisplayText, a.Commune))
            .ToList();
    }

    /// <summary>Lower case, without accents, punctuation as spaces: "Saint-Avold" and "saint avold" meet.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
