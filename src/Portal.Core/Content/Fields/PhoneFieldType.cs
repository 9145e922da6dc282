using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Content.Fields;

/// <summary>{ "Phone": "01 48 95 00 00" }: digits with spaces, dots, dashes, brackets and an optional leading +.</summary>
public sealed class PhoneFieldType : IContentFieldType
{
    public string Name => "Phone";

    public JsonNode? ReadForm(IFormCollection form, string prefix) =>
        FieldValues.Form(form, prefix + ".Phone") is { } phone ? FieldValues.Of("Phone", phone) : null;

    public bool IsEmpty(JsonNode? value) => FieldValues.String(value, "Phone") is null;

    public static bool IsValid(string phone)
    {
        var body = phone.StartsWith('+') ? phone[1..] : phone;
        var digits = body.Count(char.IsAsciiDigit);
        return body.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '(' or ')' or '/') && digits is >= 3 and <= 15;
    }

    public ValueTask ValidateAsync(FieldValidationContext context)
    {
        var phone = FieldValues.String(context.Value, "Phone");
        if (phone is null)
        {
            if (context.Settings.Required) context.Fail(context.T["{0} is required.", context.Label]);
        }
        else if (!IsValid(phone))
            context.Fail(context.T["{0} must be a phone number (digits, spaces and an optional +).", context.Label]);
        return ValueTask.CompletedTask;
    }

    public string? ToText(JsonNode? value) => FieldValues.String(value, "Phone");
}
