using System.Text.Json;
using Portal.Core.Data;

namespace Portal.Core.BackgroundTasks;

public interface IBackgroundTaskQueue
{
    /// <summary>Adds a task to the current unit of work: it is stored with the caller's next SaveChanges, or not at all.</summary>
    void Enqueue(string name, object payload, TimeSpan? delay = null);
}

public sealed class BackgroundTaskQueue(PortalDbContext db, TimeProvider clock) : IBackgroundTaskQueue
{
    public void Enqueue(string name, object payload, TimeSpan? delay = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.BackgroundTasks.Add(new BackgroundTask
        {
            Name = name,
            Payload = payload as string ?? JsonSerializer.Serialize(payload),
            CreatedUtc = now,
            AvailableUtc = now + (delay ?? TimeSpan.Zero),
        });
    }
}
