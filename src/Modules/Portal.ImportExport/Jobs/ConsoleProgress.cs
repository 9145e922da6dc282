using System.Globalization;

namespace Portal.ImportExport.Jobs;

/// <summary>The command line's progress bar: one line, redrawn twice a second, on the error stream (the report goes to the output).</summary>
public sealed class ConsoleProgress(TextWriter writer, string label) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _drawing = Task.CompletedTask;
    private ImportProgressBoard.Entry? _entry;

    public void Follow(ImportProgressBoard.Entry entry)
    {
        _entry = entry;
        _drawing = Task.Run(async () =>
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    Draw(newLine: false);
                    await Task.Delay(500, _stop.Token);
                }
            }
            catch (OperationCanceledException) { }
        });
    }

    private void Draw(bool newLine)
    {
        if (_entry is not { } entry) return;
        var done = entry.Done;
        var total = Math.Max(1, entry.Total);
        var seconds = (DateTimeOffset.UtcNow - entry.Started).TotalSeconds;
        var rate = seconds > 0 ? done / seconds : 0;
        var filled = (int)(30L * Math.Min(done, total) / total);
        var left = rate > 0 ? $", {Math.Ceiling((total - done) / rate).ToString(CultureInfo.InvariantCulture)} s left" : "";
        var line = string.Create(CultureInfo.InvariantCulture, $"\r{label} [{new string('#', filled)}{new string('.', 30 - filled)}] {done:N0}/{total:N0} steps, {rate:F0}/s{left}   ");
        lock (writer)
        {
            writer.Write(line);
            if (newLine) writer.WriteLine();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try { _drawing.Wait(); } catch (AggregateException) { }
        Draw(newLine: true);
        _stop.Dispose();
    }
}
