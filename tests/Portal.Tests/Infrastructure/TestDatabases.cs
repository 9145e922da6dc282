using Npgsql;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The databases the data tests run on: SQLite always, PostgreSQL too when PORTAL_TEST_POSTGRES holds a connection
/// string to a server where we may create databases (.ci/run starts one and sets it).
/// </summary>
public static class TestDatabases
{
    public static string? PostgresServer => Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static TheoryData<string> Providers
    {
        get
        {
            var data = new TheoryData<string> { "Sqlite" };
            if (PostgresServer is not null) data.Add("Postgres");
            return data;
        }
    }

    /// <summary>Creates an empty PostgreSQL database and returns its connection string.</summary>
    public static string CreatePostgresDatabase(out string name)
    {
        name = "portal_test_" + Guid.NewGuid().ToString("N")[..12];
        using var connection = new NpgsqlConnection(PostgresServer);
        connection.Open();
        using (var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection)) command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Pooling = false, Timeout = 60 }.ConnectionString; // connecting (scram) on a loaded 2-core CI machine can take longer than the default 15 s
    }

    public static void DropPostgresDatabase(string name)
    {
        try
        {
            using var connection = new NpgsqlConnection(PostgresServer);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException) { /* a leftover test database is harmless */ }
    }
}
