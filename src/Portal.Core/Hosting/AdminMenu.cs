namespace Portal.Core.Hosting;

public sealed record AdminMenuItem(string Text, string Url, string? Permission = null, int Position = 100);

/// <summary>A module's entries in the back-office menu, shown to those who hold their permission.</summary>
public interface IAdminMenu
{
    IEnumerable<AdminMenuItem> GetItems();
}

/// <summary>What waits for the people of the back office, shown on its dashboard: a line of text, a link, the permission it needs.</summary>
public sealed record DashboardCard(string Text, string Url, string? Permission = null, bool Urgent = false);

/// <summary>A module's lines on the back-office dashboard (submissions waiting, stale entries…).</summary>
public interface IDashboardCards
{
    Task<IEnumerable<DashboardCard>> GetAsync();
}
