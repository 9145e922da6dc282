using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>The grande-region sample site on SQLite, shared by tests that only read it.</summary>
public sealed class SeededSite : IDisposable
{
    public PortalFactory Factory { get; } = new(recipe: "grande-region");

    public SeededSite() => Factory.CreateClient().Dispose();

    public void Dispose() => Factory.Dispose();
}
