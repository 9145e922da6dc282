using Portal.Tests.Moderation;
using Portal.Web;
using Serilog.Events;
using Serilog.Parsing;

namespace Portal.Tests.Kernel;

public sealed class RepeatedLogFilterTests
{
    private static LogEvent Event(LogEventLevel level, string reason, Exception? exception = null) =>
        new(DateTimeOffset.UtcNow, level, exception, new MessageTemplateParser().Parse("The database does not answer ({Reason})."),
            [new LogEventProperty("Reason", new ScalarValue(reason)), new LogEventProperty("SourceContext", new ScalarValue("Test"))]);

    [Fact]
    public void An_error_repeated_within_a_minute_is_written_once_then_again_with_the_count_left_out()
    {
        var clock = new MovableClock();
        var filter = new RepeatedLogFilter(clock, TimeSpan.FromSeconds(60));

        Enumerable.Range(0, 50).Count(_ => filter.IsEnabled(Event(LogEventLevel.Error, "Connection refused"))).Should().Be(1);
        filter.IsEnabled(Event(LogEventLevel.Error, "Disk full")).Should().BeTrue("a different error is written at once");
        filter.IsEnabled(Event(LogEventLevel.Information, "Connection refused")).Should().BeTrue("information is never held back");

        clock.Offset = TimeSpan.FromSeconds(61);
        var next = Event(LogEventLevel.Error, "Connection refused");
        filter.IsEnabled(next).Should().BeTrue();
        next.Properties[RepeatedLogFilter.RepeatsProperty].ToString().Should().Contain("49");
    }
}
