using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Taxonomies.Services;

namespace Portal.Taxonomies.Fields;

/// <summary>{ "Terms": ["moteur", "visuel"] }: terms of the vocabulary named in the settings (Extra.Vocabulary).</summary>
public sealed class TaxonomyTermsFieldType : IContentFieldType
{
    public const string TypeName = "TaxonomyTerms";

    public string Name => TypeName;

    public FieldEditorLayout EditorLayout(FieldSettings settings) => settings.Multiple ? FieldEditorLayout.Group : FieldEditorLayout.Single;

    public static string? VocabularyOf(FieldSettings settings) => settings.Extra?["Vocabulary"]?.GetValue<string>();

    public static IReadOnlyList<string> Terms(JsonNode? value) =>
        value?["Terms"] is JsonArray a ? a.Select(n => n?.GetValue<string>()).OfType<string>().ToList() : [];

    public JsonNode? ReadForm(IFormCollection form, string prefix)
    {
        var terms = form[prefix + ".Terms"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct().ToArray();
        return terms.Length == 0 ? null : new JsonObject { ["Terms"] = new JsonArray(terms.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()) };
    }

    public bool IsEmpty(JsonNode? value) => Terms(value).Count == 0;

    public async ValueTask ValidateAsync(FieldValidationContext context)
    {
        var terms = Terms(context.Value);
        if (terms.Count == 0)
        {
            if (context.Settings.Required) context.Fail(context.T["{0} is required.", context.Label]);
            return;
        }
        if (!context.Settings.Multiple && terms.Count > 1) context.Fail(context.T["{0}: choose only one item.", context.Label]);
        var name = VocabularyOf(context.Settings);
        var vocabulary = name is null ? null : await context.Services.GetRequiredService<VocabularyStore>().GetAsync(name);
        if (vocabulary is null)
        {
            context.Fail(context.T["{0}: the vocabulary {1} does not exist.", context.Label, name ?? "?"]);
            return;
        }
        foreach (var term in terms.Where(t => vocabulary.Find(t) is null))
            context.Fail(context.T["{0}: \"{1}\" is not a term of the vocabulary {2}.", context.Label, term, vocabulary.DisplayName]);
    }

    public string? ToText(JsonNode? value) => Terms(value) is { Count: > 0 } terms ? string.Join(", ", terms) : null;
}
