using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Hosting;

namespace Portal.ImportExport;

/// <summary><c>export data-inclusion &lt;dir&gt;</c>: writes structures.json and services.json.</summary>
public sealed class ExportCommand : IPortalCommand
{
    public string Name => "export";
    public string Usage => "export data-inclusion <directory>: writes the published directory as data·inclusion v1 structures.json and services.json";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args is not ["data-inclusion", var directory])
        {
            await error.WriteLineAsync("Usage: " + Usage);
            return 64;
        }
        if (!await PortalCommands.IsSetUpAsync(services, error)) return 69;
        directory = PortalCommands.ResolvePath(directory);
        var options = services.GetRequiredService<IOptions<OpenDataOptions>>().Value;
        var export = await services.GetRequiredService<DataInclusionExporter>().ExportAsync(options.Source, services.GetRequiredService<PublicUrl>().Base);
        System.IO.Directory.CreateDirectory(directory);
        var indented = new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        await File.WriteAllTextAsync(Path.Combine(directory, "structures.json"), export.Structures.ToJsonString(indented));
        await File.WriteAllTextAsync(Path.Combine(directory, "services.json"), export.Services.ToJsonString(indented));
        await output.WriteLineAsync($"{export.Structures.Count} structures and {export.Services.Count} services written to {Path.GetFullPath(directory)}.");
        return 0;
    }
}
