using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Moderation.Services;

/// <summary>
/// The proposal form's timing stamp is single-use: a proposal that is kept consumes its stamp (a hash of it, in the
/// database every node shares), so the same post sent again is refused. Stamps expire after a day; consumed ones are
/// forgotten after that.
/// </summary>
public sealed class ProposalStamps(PortalDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
    private const string Prefix = "ProposalStamp:";

    private static string KeyOf(string stamp) => Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stamp)));

    public Task<bool> IsConsumedAsync(string stamp)
    {
        var key = KeyOf(stamp);
        return db.Documents.AsNoTracking().AnyAsync(d => d.Key == key);
    }

    /// <summary>Marks the stamp used in the caller's unit of work (saved with the proposal), and forgets expired ones.</summary>
    public async Task ConsumeAsync(string stamp)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = now - Lifetime - TimeSpan.FromHours(1);
        await db.Documents.Where(d => d.Key.StartsWith(Prefix) && d.ModifiedUtc < expired).ExecuteDeleteAsync();
        db.Documents.Add(new DocumentRecord { Key = KeyOf(stamp), Json = "{}", ModifiedUtc = now });
    }
}
