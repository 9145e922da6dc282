using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Core.Content.Parts;
using Portal.Directory.ViewModels;

namespace Portal.Directory.Services;

/// <summary>Phone, e-mail and website as links a phone or a mail program opens, and the ways to get to a place.</summary>
public static class ContactLinks
{
    public static bool HasAny(ContactPart contact) => contact.Phone.Phone is not null || contact.Email.Email is not null || contact.Website.Url is not null;

    public static (string Label, IReadOnlyList<DisplayValue> Values)[] Rows(ContactPart contact, IStringLocalizer T)
    {
        static IReadOnlyList<DisplayValue> One(string? text, string? href) => text is null ? [] : [new DisplayValue(text, href)];
        var phone = contact.Phone.Phone;
        var email = contact.Email.Email;
        var website = contact.Website.Url;
        return
        [
            (T["Phone"], One(phone, phone is null ? null : Tel(phone))),
            (T["E-mail"], One(email, email is null ? null : "mailto:" + email)),
            (T["Website"], One(website, website is not null && Uri.TryCreate(website, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? website : null)),
        ];
    }

    /// <summary>"01 99 00 12 34" → "tel:+33199001234": a French national number gets its country code, others keep theirs.</summary>
    public static string Tel(string phone)
    {
        var digits = new string(phone.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        if (digits.StartsWith("00", StringComparison.Ordinal)) digits = "+" + digits[2..];
        else if (digits.Length == 10 && digits[0] == '0') digits = "+33" + digits[1..];
        return "tel:" + digits;
    }

    public static IReadOnlyList<DisplayValue> Directions((double Latitude, double Longitude) point, IStringLocalizer T)
    {
        var lat = point.Latitude.ToString("0.#####", CultureInfo.InvariantCulture);
        var lon = point.Longitude.ToString("0.#####", CultureInfo.InvariantCulture);
        return
        [
            new(T["Open in a map app"], $"geo:{lat},{lon}"),
            new(T["Directions on OpenStreetMap"], $"https://www.openstreetmap.org/directions?route=%3B{lat}%2C{lon}#map=16/{lat}/{lon}"),
        ];
    }
}
