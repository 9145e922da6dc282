using Microsoft.Extensions.Localization;
using Portal.Contents.ViewModels;

namespace Portal.Moderation.Services;

/// <summary>A short part of the partner form, with its own fieldset and legend: the fields named here, of any part.</summary>
public sealed record FormSection(string Key, Func<IStringLocalizer, string> Legend, IReadOnlyList<string> FieldNames);

/// <summary>
/// The partner form in short sections (what, where, when, contact, for whom) instead of one field list per part. A new
/// field goes in a section by adding its name here; a field no section names is shown in a last "more details" one.
/// </summary>
public static class PartnerFormSections
{
    public static readonly IReadOnlyList<FormSection> All =
    [
        new("what", T => T["What it is"], ["Title", "Description", "Domains", "SupportTypes", "Typology", "Languages", "Networks", "Siret", "Finess"]),
        new("where", T => T["Where"], ["Street", "Postcode", "Commune", "InseeCode", "Country", "Location", "LocationApproximate", "ReceptionModes", "Territory", "EligibilityZone"]),
        new("when", T => T["When"], ["Schedule", "StartDate", "EndDate", "Recurrence", "OpeningHours"]),
        new("contact", T => T["Contact, registration and price"], ["Phone", "Email", "Website", "Registration", "RegistrationMode", "RegistrationDetails", "OnSite", "Fees", "FeeDetails"]),
        new("for-whom", T => T["For whom"], ["Audiences", "DisabilityTypes", "CaredFor", "Accessibility"]),
    ];

    public static readonly FormSection More = new("more", T => T["More details"], []);

    /// <summary>The form's fields by section, in the sections' order; empty sections left out.</summary>
    public static IReadOnlyList<(FormSection Section, IReadOnlyList<FieldEditor> Fields)> Group(IEnumerable<FieldEditor> fields)
    {
        var list = fields.ToList();
        static string NameOf(FieldEditor f) => f.Prefix[(f.Prefix.IndexOf('.') + 1)..];
        var result = new List<(FormSection, IReadOnlyList<FieldEditor>)>();
        foreach (var section in All)
        {
            var own = list.Where(f => section.FieldNames.Contains(NameOf(f))).OrderBy(f => IndexOf(section, NameOf(f))).ToList();
            if (own.Count > 0) result.Add((section, own));
        }
        var rest = list.Where(f => !All.Any(s => s.FieldNames.Contains(NameOf(f)))).ToList();
        if (rest.Count > 0) result.Add((More, rest));
        return result;
    }

    private static int IndexOf(FormSection section, string name) => section.FieldNames.ToList().IndexOf(name);
}
