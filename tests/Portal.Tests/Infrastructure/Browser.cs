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
}
