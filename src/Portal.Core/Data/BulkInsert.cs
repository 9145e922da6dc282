using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Core.Data;

/// <summary>
/// Inserts many new rows of one entity type with a few multi-row INSERT statements, in the context's connection and
/// transaction, without the change tracker: for rows written in bulk (a spreadsheet import's new versions, journal and
/// audit rows), where tracking each row costs more than the insert. A key the database generates is read back into each
/// row, as a save would. Columns, names and parameter types come from the model, so it is the same on SQLite and PostgreSQL.
/// </summary>
public static class BulkInsert
{
    /// <summary>
    /// Parameters per statement: few, because SQLite's driver finds each parameter of a statement by name among all of
    /// them (a cost that grows with the square of their number); the statement is prepared once and run for every chunk.
    /// </summary>
    private const int MaxParameters = 256;

    public static async Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken = default) where T : class
    {
        if (rows.Count == 0) return;
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of this context.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        // Every column but a key the database generates, which is read back instead.
        var generated = entityType.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd, PropertyInfo: { } keyProperty } key] ? (Key: key, Property: keyProperty) : default;
        var columns = entityType.GetProperties()
            .Where(p => p != generated.Key)
            .Select(p => (Property: p, Column: p.GetColumnName(table)!, Mapping: p.GetRelationalTypeMapping()))
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))}) VALUES ";
        var returning = generated.Key is null ? "" : " RETURNING " + sql.DelimitIdentifier(generated.Key.GetColumnName(table)!);
        var perStatement = Math.Max(1, MaxParameters / columns.Count);

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // One command per statement size (the full chunks, then the rest): the driver prepares its text once.
            System.Data.Common.DbCommand? command = null;
            var keys = new List<object>(perStatement);
            try
            {
                foreach (var chunk in rows.Chunk(perStatement))
                {
                    if (command is null || command.Parameters.Count != chunk.Length * columns.Count)
                    {
                        if (command is not null) await command.DisposeAsync();
                        command = db.Database.GetDbConnection().CreateCommand();
                        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                        if (db.Database.GetCommandTimeout() is { } timeout) command.CommandTimeout = timeout;
                        var text = new StringBuilder(head);
                        for (var r = 0; r < chunk.Length; r++)
                        {
                            text.Append(r == 0 ? "(" : ", (");
                            for (var c = 0; c < columns.Count; c++) text.Append(c > 0 ? ", " : "").Append(sql.GenerateParameterName(Name(r, c, columns.Count)));
                            text.Append(')');
                        }
                        command.CommandText = text.Append(returning).ToString();
                    }
                    command.Parameters.Clear();
                    for (var r = 0; r < chunk.Length; r++)
                        for (var c = 0; c < columns.Count; c++)
                        {
                            var (property, _, mapping) = columns[c];
                            command.Parameters.Add(mapping.CreateParameter(command, sql.GenerateParameterName(Name(r, c, columns.Count)), property.GetGetter().GetClrValue(chunk[r]), property.IsNullable));
                        }
                    if (generated.Key is null)
                    {
                        await command.ExecuteNonQueryAsync(cancellationToken);
                        continue;
                    }
                    keys.Clear();
                    await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                        while (await reader.ReadAsync(cancellationToken)) keys.Add(reader.GetValue(0));
                    if (keys.Count != chunk.Length) throw new InvalidOperationException($"{table.Name}: {chunk.Length} rows inserted, {keys.Count} keys returned.");
                    // The keys of one statement's rows are drawn in the order of its VALUES (SQLite's next row id, a
                    // PostgreSQL sequence), but RETURNING promises no order: the smallest goes to the first row.
                    keys.Sort();
                    for (var r = 0; r < chunk.Length; r++)
                        generated.Property.SetValue(chunk[r], Convert.ChangeType(keys[r], generated.Property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            finally
            {
                if (command is not null) await command.DisposeAsync();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Name(int row, int column, int columns) => "p" + (row * columns + column).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
