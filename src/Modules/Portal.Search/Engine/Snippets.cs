namespace Portal.Search.Engine;

/// <summary>A hit's summary cut to a readable length around its first match, with the matching words marked.</summary>
internal static class Snippets
{
    private const int Length = 220;

    public static IReadOnlyList<SnippetPart> Make(string summary, TextQuery query, PortalAnalyzer stems, PortalAnalyzer words)
    {
        var marks = new List<(int Start, int End)>();
        if (query.Terms.Count > 0)
            marks.AddRange(stems.TermsWithOffsets(summary).Where(t => query.Terms.Contains(t.Term)).Select(t => (t.Start, t.End)));
        if (query.Prefix is { } prefix)
            marks.AddRange(words.TermsWithOffsets(summary).Where(t => t.Term.StartsWith(prefix, StringComparison.Ordinal)).Select(t => (t.Start, t.End)));
        marks = marks.Distinct().OrderBy(m => m.Start).ToList();

        var from = 0;
        var to = summary.Length;
        if (summary.Length > Length)
        {
            var first = marks.Count > 0 ? marks[0].Start : 0;
            from = Math.Max(0, first - 60);
            if (from > 0)
            {
                var space = summary.IndexOf(' ', from);
                from = space < 0 || space > first ? from : space + 1;
            }
            to = Math.Min(summary.Length, from + Length);
            if (to < summary.Length)
            {
                var space = summary.LastIndexOf(' ', to);
                if (space > from + Length / 2) to = space;
            }
        }
        var parts = new List<SnippetPart>();
        if (from > 0) parts.Add(new SnippetPart("… ", false));
        var at = from;
        foreach (var (start, end) in marks)
        {
            if (start < at || end > to) continue;
            if (start > at) parts.Add(new SnippetPart(summary[at..start], false));
            parts.Add(new SnippetPart(summary[start..end], true));
            at = end;
        }
        if (at < to) parts.Add(new SnippetPart(summary[at..to], false));
        if (to < summary.Length) parts.Add(new SnippetPart(" …", false));
        return parts;
    }
}
