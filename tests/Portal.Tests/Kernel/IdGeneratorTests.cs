using Portal.Core.Content;

namespace Portal.Tests.Kernel;

public sealed class IdGeneratorTests
{
    [Fact]
    public async Task Ids_are_unique_well_formed_and_sort_by_the_time_they_were_made()
    {
        var first = Enumerable.Range(0, 2_000).Select(_ => IdGenerator.New()).ToList();
        await Task.Delay(5);
        var later = IdGenerator.New();

        first.Should().OnlyHaveUniqueItems();
        first.Should().AllSatisfy(id => id.Should().MatchRegex("^[0-9a-hjkmnp-tv-z]{26}$"));
        first.Should().AllSatisfy(id => string.CompareOrdinal(id, later).Should().BeNegative());
        // The random part varies in every position: 80 bits, not a counter.
        for (var i = 10; i < 26; i++) first.Select(id => id[i]).Distinct().Count().Should().BeGreaterThan(16, $"position {i}");
    }
}
