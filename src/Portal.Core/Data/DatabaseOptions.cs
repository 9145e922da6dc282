using Microsoft.Extensions.Configuration;

namespace Portal.Core.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Where the data lives: Portal:DataDirectory, Portal:Database:Provider and ConnectionStrings:Portal.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; init; }
    public string ConnectionString { get; init; } = "";
    public string DataDirectory { get; init; } = "";

    public static DatabaseOptions From(IConfiguration configuration, string contentRoot)
    {
        var dataDirectory = configuration["Portal:DataDirectory"];
        dataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(dataDirectory) ? "App_Data" : dataDirectory, contentRoot);
        var providerName = configuration["Portal:Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerName) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var p) ? p
            : throw new InvalidOperationException($"Portal:Database:Provider '{providerName}' is unknown: use Sqlite or Postgres.");
        var connection = configuration.GetConnectionString("Portal");
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connection))
            throw new InvalidOperationException("Portal:Database:Provider is Postgres but ConnectionStrings:Portal is empty.");
        if (provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connection))
            // A private cache per connection: a shared cache locks whole tables, so a long write would block every reader.
            connection = $"Data Source={Path.Combine(dataDirectory, "portal.db")};Pooling=True;Default Timeout=30";
        return new DatabaseOptions { Provider = provider, ConnectionString = connection!, DataDirectory = dataDirectory };
    }
}
