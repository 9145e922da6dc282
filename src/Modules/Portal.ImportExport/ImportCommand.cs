using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;
using Portal.ImportExport.Data;
using Portal.ImportExport.Import;
using Portal.ImportExport.Jobs;

namespace Portal.ImportExport;

/// <summary>
/// <c>import &lt;file&gt; --type Action [--mapping &lt;name&gt;] [--dry-run] [--publish]</c>: the back office's import on
/// the command line. Prints the same report; exits 0 when the file is (or would be) imported, 65 when it has errors.
/// </summary>
public sealed class ImportCommand : IPortalCommand
{
    public string Name => "import";
    public string Usage => "import <file.xlsx|file.csv> --type Actor|Action|AidantSupport [--mapping <name>] [--dry-run] [--publish]: imports a spreadsheet (as drafts unless --publish), all rows or none";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        string? file = null, type = null, mappingName = null;
        bool dryRun = false, publish = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--type" when i + 1 < args.Count: type = args[++i]; break;
                case "--mapping" when i + 1 < args.Count: mappingName = args[++i]; break;
                case "--dry-run": dryRun = true; break;
                case "--publish": publish = true; break;
                case var value when !value.StartsWith("--") && file is null: file = value; break;
                default:
                    await error.WriteLineAsync($"Unknown argument '{args[i]}'.");
                    await error.WriteLineAsync("Usage: " + Usage);
                    return 64;
            }
        }
        var importType = ImportService.ImportableTypes.FirstOrDefault(t => string.Equals(t, type, StringComparison.OrdinalIgnoreCase));
        if (file is null || importType is null)
        {
            await error.WriteLineAsync("Usage: " + Usage);
            return 64;
        }
        if (!await PortalCommands.IsSetUpAsync(services, error)) return 69;
        file = PortalCommands.ResolvePath(file);
        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"The file {file} does not exist.");
            return 66;
        }
        ImportMapping? mapping = null;
        if (mappingName is not null)
        {
            mapping = await services.GetRequiredService<ImportMappingStore>().GetAsync(mappingName);
            if (mapping is null || mapping.ContentType != importType)
            {
                var known = (await services.GetRequiredService<ImportMappingStore>().ListAsync(importType)).Select(m => m.Name).ToList();
                await error.WriteLineAsync($"No saved mapping '{mappingName}' for {importType}." + (known.Count > 0 ? $" Saved: {string.Join(", ", known)}." : ""));
                return 64;
            }
        }
        var bytes = await File.ReadAllBytesAsync(file);
        // The back office's job: kept in the database with its report, run here rather than by the background tasks.
        var jobs = services.GetRequiredService<ImportJobStore>();
        var runner = services.GetRequiredService<ImportJobRunner>();
        var job = await jobs.CreateAsync(Path.GetFileName(file), bytes, importType, mapping, publish, userId: "", userName: "", enqueue: false);
        await error.WriteLineAsync($"Import job {job.Id}.");
        using (var bar = new ConsoleProgress(error, "Checking"))
        {
            runner.Started = bar.Follow;
            await runner.AnalyseAsync(job.Id, CancellationToken.None);
        }
        if (!dryRun && job.State == ImportJobState.Ready && job.Errors == 0 && await jobs.ApplyAsync(job, enqueue: false))
        {
            using var bar = new ConsoleProgress(error, "Applying");
            runner.Started = bar.Follow;
            await runner.ApplyAsync(job.Id, CancellationToken.None);
        }
        var report = ImportJobStore.ReportOf(job) ?? throw new InvalidOperationException($"The import job {job.Id} ended {job.State} without a report: {job.Detail}");
        var writer = new ImportReportWriter(services.GetRequiredService<IStringLocalizer<ImportReportWriter>>());
        await output.WriteAsync(writer.ToText(report));
        return report.HasErrors ? 65 : 0;
    }
}
