using System.Security.Cryptography;
using Portal.Core.Hosting;
using Portal.Newsletter.Data;

namespace Portal.Newsletter.Services;

/// <summary>A subscriber's links, absolute from the public address, each carrying their unguessable token (256 random bits).</summary>
public sealed class SubscriberLinks(PublicUrl site)
{
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public string Confirm(Subscriber s) => site.For($"{NewsletterRoutes.PathOf(s.Culture, NewsletterRoutes.Confirm)}/{s.Token}");

    public string Preferences(Subscriber s) => site.For($"{NewsletterRoutes.PathOf(s.Culture, NewsletterRoutes.Preferences)}/{s.Token}");

    /// <summary>The one-click address: a GET shows a button, a POST (RFC 8058) unsubscribes.</summary>
    public string Unsubscribe(Subscriber s) => site.For($"{NewsletterRoutes.PathOf(s.Culture, NewsletterRoutes.Unsubscribe)}/{s.Token}");

    public string SignUp(string culture) => site.For(NewsletterRoutes.PathOf(culture, NewsletterRoutes.SignUp));

    /// <summary>A token as the links carry it: 43 URL-safe characters.</summary>
    public static bool LooksValid(string? token) => token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
