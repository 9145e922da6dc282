using System.Text;

namespace Portal.Core.Localization;

public sealed record PoEntry(string? Context, string Id, string? IdPlural, string[] Translations)
{
    public string Key => KeyOf(Id, Context);

    public static string KeyOf(string id, string? context) => context is null ? id : context + "\u0004" + id;
}

/// <summary>Reads the PO format: msgctxt, msgid, msgid_plural, msgstr and msgstr[n], with multi-line strings.</summary>
public static class PoParser
{
    public static IReadOnlyList<PoEntry> Parse(string text)
    {
        var entries = new List<PoEntry>();
        string? context = null, id = null, plural = null;
        var translations = new SortedDictionary<int, string>();
        Action<string>? append = null;

        void Flush()
        {
            if (id is not null && id.Length > 0)
                entries.Add(new PoEntry(context, id, plural, translations.Values.ToArray()));
            context = id = plural = null;
            translations = new SortedDictionary<int, string>();
            append = null;
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) { Flush(); continue; }
            if (line.StartsWith('#')) continue;
            if (line.StartsWith('"')) { append?.Invoke(Unquote(line)); continue; }

            var space = line.IndexOf(' ');
            if (space < 0) continue;
            var keyword = line[..space];
            var value = Unquote(line[(space + 1)..].Trim());
            switch (keyword)
            {
                case "msgctxt":
                    if (id is not null) Flush();
                    context = value;
                    append = s => context += s;
                    break;
                case "msgid":
                    if (id is not null) Flush();
                    id = value;
                    append = s => id += s;
                    break;
                case "msgid_plural":
                    plural = value;
                    append = s => plural += s;
                    break;
                default:
                    if (keyword.StartsWith("msgstr", StringComparison.Ordinal))
                    {
                        var index = keyword.Length > 6 && int.TryParse(keyword.AsSpan(7, keyword.Length - 8), out var n) ? n : 0;
                        translations[index] = value;
                        append = s => translations[index] += s;
                    }
                    break;
            }
        }
        Flush();
        return entries;
    }

    private static string Unquote(string quoted)
    {
        if (quoted.Length < 2 || quoted[0] != '"' || quoted[^1] != '"') return quoted;
        var body = quoted[1..^1];
        var builder = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\' || i + 1 == body.Length) { builder.Append(body[i]); continue; }
            var c = body[++i];
            builder.Append(c switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => c });
        }
        return builder.ToString();
    }
}
