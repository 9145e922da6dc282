using System.Text.Json.Nodes;
using Portal.Core.Content;

namespace Portal.Knowledge.Models;

/// <summary>A good practice as its page, its card and the replication form read it.</summary>
public sealed record GoodPracticeDetails(ContentItem Item)
{
    private JsonObject? Part => Item.Part(KnowledgeTypes.GoodPractice);
    private string? Text(string field) => Part?[field]?["Text"]?.GetValue<string>() is { Length: > 0 } s ? s : null;
    public string? Markdown(string field) => Part?[field]?["Markdown"]?.GetValue<string>() is { Length: > 0 } s ? s : null;
    private IReadOnlyList<string> List(string field, string property) =>
        (Part?[field]?[property] as JsonArray ?? []).Select(n => n?.GetValue<string>()).OfType<string>().Where(s => s.Length > 0).ToList();

    public string Title => Item.DisplayText;
    public string? Summary => Text("Summary");
    public string? HolderId => List("Holder", "ContentItemIds").FirstOrDefault();
    public IReadOnlyList<string> Territories => List("Territory", "Terms");
    public IReadOnlyList<string> Themes => List("Themes", "Terms");
    public IReadOnlyList<string> Audiences => List("Audiences", "Terms");
    public IReadOnlyList<string> Funding => List("Funding", "Terms");
    public string? Budget => Text("Budget");
    public string? Contact => Text("Contact");
    public IReadOnlyList<string> Documents => List("Documents", "MediaIds");
    public bool Sample => Part?["Sample"]?["Value"]?.GetValue<bool>() == true;

    /// <summary>What it takes to replicate it: (field, text) of those filled.</summary>
    public IReadOnlyList<(string Field, string Text)> Replication =>
        new[] { "ReplicationStaff", "ReplicationCost", "ReplicationPartners", "ReplicationTime" }
            .Select(f => (f, Text(f))).Where(x => x.Item2 is not null).Select(x => (x.f, x.Item2!)).ToList();
}
