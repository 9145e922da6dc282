using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Hosting;
using Portal.Search.Services;

namespace Portal.Search;

/// <summary><c>search rebuild</c>: builds this node's indexes anew from the database.</summary>
public sealed class SearchCommand : IPortalCommand
{
    public string Name => "search";
    public string Usage => "search rebuild: builds the search indexes of every culture anew from the database";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args is not ["rebuild"])
        {
            await error.WriteLineAsync("Usage: " + Usage);
            return 64;
        }
        var manager = services.GetRequiredService<SearchIndexManager>();
        await manager.RebuildAsync();
        foreach (var (culture, (documents, cursor)) in manager.Status())
            await output.WriteLineAsync($"{culture}: {documents} documents, up to content change {cursor}.");
        return 0;
    }
}
