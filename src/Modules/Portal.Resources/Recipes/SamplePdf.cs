using System.Text;

namespace Portal.Resources.Recipes;

/// <summary>A small, valid PDF of text pages (Helvetica, Latin-1), written by hand so that seeds need no PDF library.</summary>
public static class SamplePdf
{
    private const int LineLength = 85, LinesPerPage = 48;
    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>One page per entry of <paramref name="pages"/> (a long text wraps, and may continue on more pages).</summary>
    public static byte[] Write(string title, IReadOnlyList<string> pages)
    {
        var contents = pages.SelectMany(p => Paginate(Wrap(p))).ToList();
        if (contents.Count == 0) contents.Add([]);
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "", // the page tree, once the pages are numbered
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            $"<< /Title ({Escape(title)}) /Producer (Portal) >>",
        };
        var kids = new List<string>();
        foreach (var lines in contents)
        {
            var stream = new StringBuilder("BT /F1 11 Tf 14 TL 56 790 Td\n");
            foreach (var line in lines) stream.Append('(').Append(Escape(line)).Append(") Tj T*\n");
            stream.Append("ET");
            var body = stream.ToString();
            objects.Add($"<< /Length {Latin1.GetByteCount(body)} >>\nstream\n{body}\nendstream");
            var contentNumber = objects.Count;
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {contentNumber} 0 R /Resources << /Font << /F1 3 0 R >> >> >>");
            kids.Add($"{objects.Count} 0 R");
        }
        objects[1] = $"<< /Type /Pages /Kids [{string.Join(' ', kids)}] /Count {kids.Count} >>";

        using var output = new MemoryStream();
        void Write(string text) { var bytes = Latin1.GetBytes(text); output.Write(bytes); }
        Write("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            Write($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = output.Position;
        Write($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) Write($"{offset:D10} 00000 n \n");
        Write($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    private static IEnumerable<List<string>> Paginate(List<string> lines)
    {
        for (var i = 0; i < Math.Max(1, lines.Count); i += LinesPerPage) yield return lines.Skip(i).Take(LinesPerPage).ToList();
    }

    private static List<string> Wrap(string text)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > LineLength) { lines.Add(line.ToString()); line.Clear(); }
                if (line.Length > 0) line.Append(' ');
                line.Append(word);
            }
            lines.Add(line.ToString());
        }
        return lines;
    }

    /// <summary>Characters outside Latin-1 become "?"; backslashes and parentheses are escaped.</summary>
    private static string Escape(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text.Replace('’', '\'').Replace('–', '-').Replace('“', '"').Replace('”', '"').Replace('„', '"'))
        {
            if (c is '\\' or '(' or ')') result.Append('\\').Append(c);
            else result.Append(c <= '\u00ff' ? c : '?');
        }
        return result.ToString();
    }
}
