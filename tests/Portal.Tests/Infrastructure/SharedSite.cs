namespace Portal.Tests.Infrastructure;

/// <summary>One site on SQLite shared by the tests of a class that only read it or write items of their own.</summary>
public sealed class SharedSite : IDisposable
{
    public PortalFactory Factory { get; } = new();

    public SharedSite() => Factory.CreateClient().Dispose(); // starts the host, so setup has run

    public void Dispose() => Factory.Dispose();
}
