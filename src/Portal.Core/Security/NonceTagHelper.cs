using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Portal.Core.Hosting;

namespace Portal.Core.Security;

/// <summary>Gives every script and style element of a view the request's CSP nonce (JSON-LD and theme colours included).</summary>
[HtmlTargetElement("script")]
[HtmlTargetElement("style")]
public sealed class NonceTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.ContainsName("nonce"))
            output.Attributes.SetAttribute("nonce", SecurityHeaders.NonceOf(ViewContext.HttpContext));
        // Razor would write the "+" of this literal as "&#x2B;", which some structured-data readers do not decode.
        if (output.Attributes["type"]?.Value is "application/ld+json") output.Attributes.SetAttribute("type", new HtmlString("application/ld+json"));
    }
}
