using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Core.Security;

/// <summary>
/// A JSON-LD block keeps its type as written. Razor would write the "+" of "application/ld+json" as "&amp;#x2B;", which
/// some structured-data readers do not decode. The block is data, not a script: the Content-Security-Policy, which lets
/// no inline script run, does not apply to it.
/// </summary>
[HtmlTargetElement("script", Attributes = "type")]
public sealed class JsonLdTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes["type"]?.Value is "application/ld+json") output.Attributes.SetAttribute("type", new HtmlString("application/ld+json"));
    }
}
