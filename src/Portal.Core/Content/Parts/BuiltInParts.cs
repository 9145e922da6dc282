namespace Portal.Core.Content.Parts;

/// <summary>The parts the kernel defines (see CoreMigrations): field bundles with a handler where they need behaviour.</summary>
public static class BuiltInParts
{
    public const string Title = "TitlePart";
    public const string Autoroute = "AutoroutePart";
    public const string HtmlBody = "HtmlBodyPart";
    public const string Address = "AddressPart";
    public const string Contact = "ContactPart";
    public const string Localization = "LocalizationPart";
}
