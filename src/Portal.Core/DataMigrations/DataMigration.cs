namespace Portal.Core.DataMigrations;

/// <summary>
/// A module's content-definition migration. <see cref="CreateAsync"/> runs once and returns the schema version it
/// reached; later versions add methods <c>Task&lt;int&gt; UpdateFromNAsync()</c>, each returning the next version.
/// </summary>
public abstract class DataMigration
{
    public abstract Task<int> CreateAsync();
}
