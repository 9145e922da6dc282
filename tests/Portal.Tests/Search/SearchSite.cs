using Microsoft.Extensions.DependencyInjection;
using Portal.Search.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>The default recipe's sample directory (French and German), indexed.</summary>
public sealed class SearchSite : IDisposable
{
    public PortalFactory Factory { get; } = new(recipe: "grande-region");

    public SearchSite()
    {
        Factory.CreateClient().Dispose();
        CatchUpAsync(Factory).GetAwaiter().GetResult();
    }

    /// <summary>Applies every pending content change to the index now, instead of waiting for the worker.</summary>
    public static async Task CatchUpAsync(PortalFactory factory)
    {
        var manager = factory.Services.GetRequiredService<SearchIndexManager>();
        for (var i = 0; i < 100 && await manager.CatchUpAsync() > 0; i++) { }
    }

    public void Dispose() => Factory.Dispose();
}
