using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Portal.Network.Data;

namespace Portal.Network.Models;

/// <summary>The professional-only details of an entry as a partner types them; kept as typed when they come back with errors.</summary>
public sealed class DetailsForm
{
    public string? OrientationProcedure { get; set; }
    public string? ReferralFormUrl { get; set; }
    public string? EligibilityCriteria { get; set; }
    public string? ReferentName { get; set; }
    public string? ReferentPhone { get; set; }
    public string? WaitingTime { get; set; }

    public static DetailsForm Read(IFormCollection form)
    {
        string? Text(string key) => form[key].ToString() is { Length: > 0 } s ? s.Trim() : null;
        return new DetailsForm
        {
            OrientationProcedure = Text("OrientationProcedure"), ReferralFormUrl = Text("ReferralFormUrl"), EligibilityCriteria = Text("EligibilityCriteria"),
            ReferentName = Text("ReferentName"), ReferentPhone = Text("ReferentPhone"), WaitingTime = Text("WaitingTime"),
        };
    }

    public static DetailsForm Of(ProfessionalDetails? d) => d is null ? new DetailsForm() : new DetailsForm
    {
        OrientationProcedure = d.OrientationProcedure, ReferralFormUrl = d.ReferralFormUrl, EligibilityCriteria = d.EligibilityCriteria,
        ReferentName = d.ReferentName, ReferentPhone = d.ReferentPhone, WaitingTime = d.WaitingTime,
    };

    public Dictionary<string, string> Validate(IStringLocalizer T)
    {
        var errors = new Dictionary<string, string>();
        void Max(string field, string? value, int max)
        {
            if (value is not null && value.Length > max) errors[field] = T["This field is limited to {0} characters.", max];
        }
        Max(nameof(OrientationProcedure), OrientationProcedure, 4000);
        Max(nameof(EligibilityCriteria), EligibilityCriteria, 4000);
        Max(nameof(ReferentName), ReferentName, 200);
        Max(nameof(WaitingTime), WaitingTime, 200);
        if (ReferralFormUrl is not null && (ReferralFormUrl.Length > 500 || !Uri.TryCreate(ReferralFormUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")))
            errors[nameof(ReferralFormUrl)] = T["Enter an address starting with https://"];
        if (ReferentPhone is not null && (ReferentPhone.Length > 50 || ReferentPhone.Any(c => !(char.IsDigit(c) || c is ' ' or '+' or '.' or '-' or '(' or ')'))))
            errors[nameof(ReferentPhone)] = T["Enter a telephone number, such as +33 3 87 00 00 00."];
        return errors;
    }
}
