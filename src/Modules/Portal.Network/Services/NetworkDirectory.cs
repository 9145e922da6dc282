using Microsoft.EntityFrameworkCore;
using Portal.Network.Data;

namespace Portal.Network.Services;

/// <summary>What the directory shows of one member: only the fields the viewer may see (null = hidden). The address is never part of it.</summary>
public sealed record MemberCard(string Id, string? Name, string? Organisation, string? JobTitle, string? Side, IReadOnlyList<string> Languages, IReadOnlyList<string> Expertise);

public sealed record MemberQuery(string? Expertise, string? Side, string? Language, string? Organisation);

/// <summary>
/// The expert directory: approved members, filtered by expertise, side, language and organisation. Members see every
/// member's profile; anonymous visitors only the members who made a part public, and only that part (and filter on it only).
/// </summary>
public sealed class NetworkDirectory(NetworkDbContext network)
{
    public const int MaxResults = 200;

    public async Task<List<MemberCard>> SearchAsync(MemberQuery query, bool member)
    {
        var approved = await network.Professionals.AsNoTracking().Where(p => p.Status == ProfessionalStatus.Approved).OrderBy(p => p.Name).ToListAsync();
        bool Sees(Professional p, string field) => member || p.IsPublic(field);
        var organisation = query.Organisation?.Trim();
        return approved
            .Where(p => member || Professional.Split(p.PublicFields).Count > 0)
            .Where(p => string.IsNullOrEmpty(query.Expertise) || (Sees(p, ProfileField.Expertise) && Professional.Split(p.Expertise).Contains(query.Expertise)))
            .Where(p => string.IsNullOrEmpty(query.Side) || (Sees(p, ProfileField.Side) && p.Side == query.Side))
            .Where(p => string.IsNullOrEmpty(query.Language) || (Sees(p, ProfileField.Languages) && Professional.Split(p.Languages).Contains(query.Language)))
            .Where(p => string.IsNullOrEmpty(organisation) || (Sees(p, ProfileField.Organisation) && p.OrganisationName.Contains(organisation, StringComparison.CurrentCultureIgnoreCase)))
            .Take(MaxResults)
            .Select(p => Card(p, member)).ToList();
    }

    public static MemberCard Card(Professional p, bool member)
    {
        bool Sees(string field) => member || p.IsPublic(field);
        return new MemberCard(p.Id, Sees(ProfileField.Name) ? p.Name : null, Sees(ProfileField.Organisation) ? p.OrganisationName : null,
            Sees(ProfileField.JobTitle) ? p.JobTitle : null, Sees(ProfileField.Side) ? p.Side : null,
            Sees(ProfileField.Languages) ? Professional.Split(p.Languages) : [], Sees(ProfileField.Expertise) ? Professional.Split(p.Expertise) : []);
    }
}
