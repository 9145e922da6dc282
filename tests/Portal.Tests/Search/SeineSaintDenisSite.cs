using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>The Seine-Saint-Denis sample directory (French), indexed, with its seeded synonyms.</summary>
public sealed class SeineSaintDenisSite : IDisposable
{
    public PortalFactory Factory { get; } = new(recipe: "seine-saint-denis");

    public SeineSaintDenisSite()
    {
        Factory.CreateClient().Dispose();
        SearchSite.CatchUpAsync(Factory).GetAwaiter().GetResult();
    }

    public void Dispose() => Factory.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SeineSaintDenisCollection : ICollectionFixture<SeineSaintDenisSite>
{
    public const string Name = "seine-saint-denis search";
}
