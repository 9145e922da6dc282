using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Content.Fields;

/// <summary>{ "Email": "…" }.</summary>
public sealed partial class EmailFieldType : IContentFieldType
{
    public string Name => "Email";

    public JsonNode? ReadForm(IFormCollection form, string prefix) =>
        FieldValues.Form(form, prefix + ".Email") is { } email ? FieldValues.Of("Email", email) : null;

    public bool IsEmpty(JsonNode? value) => FieldValues.String(value, "Email") is null;

    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]+@[^@\s<>()\[\],;:""]+\.[A-Za-z]{2,}$")]
    private static partial Regex Address();

    public static bool IsValid(string email) => email.Length <= 254 && Address().IsMatch(email);

    public ValueTask ValidateAsync(FieldValidationContext context)
    {
        var email = FieldValues.String(context.Value, "Email");
        if (email is null)
        {
            if (context.Settings.Required) context.Fail(context.T["{0} is required.", context.Label]);
        }
        else if (!IsValid(email))
            context.Fail(context.T["{0} must be an e-mail address such as name@example.org.", context.Label]);
        return ValueTask.CompletedTask;
    }

    public string? ToText(JsonNode? value) => FieldValues.String(value, "Email");
}
