using Portal.Core.Hosting;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Serilog;

var command = PortalCommands.IsCommand(args) ? args : null;
var builder = WebApplication.CreateBuilder(command is null ? args : []);
builder.WebHost.UseStaticWebAssets();
// Serilog writes the console; other providers (a test's, an operator's) still receive every event.
builder.Logging.ClearProviders();
builder.Host.UseSerilog((context, logger) => logger
    .ReadFrom.Configuration(context.Configuration)
    .Enrich.FromLogContext()
    .Filter.With(new Portal.Web.RepeatedLogFilter(TimeProvider.System, TimeSpan.FromSeconds(60)))
    .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{Repeats:l}{NewLine}{Exception}"), preserveStaticLogger: true, writeToProviders: true);

ModuleCatalog catalog;
try
{
    catalog = ModuleCatalog.FromReferences(typeof(Program).Assembly);
}
catch (ModuleLoadException ex)
{
    Console.Error.WriteLine($"Portal cannot start: {ex.Message}");
    return 1;
}

try
{
    builder.Services.AddPortal(builder.Configuration, builder.Environment, catalog);
}
catch (PortalConfigurationException ex)
{
    Console.Error.WriteLine($"Portal cannot start: {ex.Message}");
    return 1;
}
var app = builder.Build();

if (command is not null) return await PortalCommands.RunAsync(app, command, Console.Out, Console.Error);

app.UseSerilogRequestLogging();
app.UsePortal();
try
{
    await app.Services.GetRequiredService<StartupInitializer>().TryInitializeAsync(CancellationToken.None);
}
catch (Exception ex) when (ex is RecipeException or InvalidOperationException)
{
    // A setup that cannot succeed (a broken recipe, a password the policy refuses) stops the site with its reason.
    app.Logger.LogCritical("Portal cannot start: {Reason}", ex.Message);
    return 1;
}
await app.RunAsync();
return 0;

public partial class Program;
