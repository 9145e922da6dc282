namespace Portal.Core.Content.Parts;

// Typed views of the kernel's parts, for C# code: item.As<AddressPart>().Commune.Text.

public sealed class TextValue { public string? Text { get; set; } }
public sealed class HtmlValue { public string? Html { get; set; } }
public sealed class EmailValue { public string? Email { get; set; } }
public sealed class PhoneValue { public string? Phone { get; set; } }
public sealed class LinkValue { public string? Url { get; set; } public string? Text { get; set; } }

public sealed class TitlePart { public TextValue Title { get; set; } = new(); }
public sealed class AutoroutePart { public TextValue Path { get; set; } = new(); }
public sealed class HtmlBodyPart { public HtmlValue Body { get; set; } = new(); }
public sealed class LocalizationPart { public TextValue Culture { get; set; } = new(); }

public sealed class AddressPart
{
    public TextValue Street { get; set; } = new();
    public TextValue Postcode { get; set; } = new();
    public TextValue Commune { get; set; } = new();
    public TextValue InseeCode { get; set; } = new();
    public TextValue Country { get; set; } = new();
}

public sealed class ContactPart
{
    public PhoneValue Phone { get; set; } = new();
    public EmailValue Email { get; set; } = new();
    public LinkValue Website { get; set; } = new();
}
