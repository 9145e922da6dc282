namespace Portal.Core.Hosting;

public sealed record AdminMenuItem(string Text, string Url, string? Permission = null, int Position = 100);

/// <summary>A module's entries in the back-office menu, shown to those who hold their permission.</summary>
public interface IAdminMenu
{
    IEnumerable<AdminMenuItem> GetItems();
}
