using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Tests.Infrastructure;

/// <summary>What a person does with a browser, over HTTP: open a page, fill a form with its antiforgery token, sign in.</summary>
public static partial class Browser
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    public static async Task<string> TokenAsync(this HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var match = Token().Match(html);
        if (!match.Success) throw new InvalidOperationException($"No antiforgery token on {url}.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formUrl, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await client.TokenAsync(formUrl);
        var all = fields.Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email = PortalFactory.AdminEmail, string password = PortalFactory.AdminPassword)
    {
        var response = await client.PostFormAsync("/admin/login", "/admin/login", [new("Email", email), new("Password", password)]);
        return response;
    }

    public static string Decode(string html) => WebUtility.HtmlDecode(html);

    /// <summary>
    /// The fields a browser would send for the form posting to <paramref name="action"/>: inputs (checked boxes and
    /// radios only), textareas and the selected options, with their current values.
    /// </summary>
    public static List<KeyValuePair<string, string>> FormFields(string html, string action)
    {
        var start = html.IndexOf($"action=\"{System.Net.WebUtility.HtmlEncode(action)}\"", StringComparison.Ordinal);
        if (start < 0) start = html.IndexOf($"action=\"{action}\"", StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException($"No form posting to {action}.");
        var end = html.IndexOf("</form>", start, StringComparison.Ordinal);
        var form = html[start..end];
        var fields = new List<KeyValuePair<string, string>>();
        string? Attr(string tag, string name) => Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
        foreach (Match match in Regex.Matches(form, "<(input|textarea|select)\\b([^>]*)>(.*?)(?=<(?:input|textarea|select)\\b|$)", RegexOptions.Singleline))
        {
            var (kind, tag, rest) = (match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value);
            var name = Attr(tag, "name");
            if (name is null || tag.Contains(" disabled")) continue;
            switch (kind)
            {
                case "input":
                    var type = Attr(tag, "type") ?? "text";
                    if (type is "submit" or "button" or "file") continue;
                    if (type is "checkbox" or "radio" && !Regex.IsMatch(tag, "\\schecked(=\"checked\")?")) continue;
                    fields.Add(new(name, Attr(tag, "value") ?? (type is "checkbox" or "radio" ? "on" : "")));
                    break;
                case "textarea":
                    fields.Add(new(name, WebUtility.HtmlDecode(rest[..rest.IndexOf("</textarea>", StringComparison.Ordinal)]).TrimStart('\n')));
                    break;
                case "select":
                    var options = rest[..rest.IndexOf("</select>", StringComparison.Ordinal)];
                    foreach (Match option in Regex.Matches(options, "<option\\b([^>]*)>"))
                        if (Regex.IsMatch(option.Groups[1].Value, "\\sselected(=\"selected\")?")) fields.Add(new(name, Attr(option.Groups[1].Value, "value") ?? ""));
                    break;
            }
        }
        return fields;
    }

    /// <summary>Opens <paramref name="page"/>, changes some of its form's fields, and posts it as a browser would.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string page, string action, params (string Name, string Value)[] changes)
    {
        var fields = FormFields(await client.GetStringAsync(page), action);
        foreach (var (name, value) in changes)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}
