using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Directory;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Architecture;

/// <summary>
/// Search and Maps name nothing of the Directory (search contributors), and only the kernel's content manager writes a
/// version's status or an audit row (one write path); the tests of the tests below show the rules catch a breach.
/// </summary>
public sealed class ArchitectureTargetTests
{
    private static readonly string[] Cultures = ["fr", "de"];

    /// <summary>
    /// The Directory's names, read from its definitions on a set-up site: its content types, the parts and fields only
    /// its types carry, the vocabularies its fields use, and its list routes' segments.
    /// </summary>
    public static async Task<IReadOnlySet<string>> DirectoryNamesAsync()
    {
        using var factory = new PortalFactory();
        using var client = factory.CreateClient();
        return await factory.WithScopeAsync(async services =>
        {
            var store = services.GetRequiredService<IContentDefinitionStore>();
            var types = await store.ListTypesAsync();
            var directoryParts = new List<ContentPartDefinition>();
            var otherFields = new HashSet<string>();
            foreach (var type in types)
                foreach (var (_, part) in await store.GetPartsOfAsync(type))
                    if (DirectoryTypes.IsDirectoryType(type.Name)) directoryParts.Add(part);
                    else otherFields.UnionWith(part.Fields.Select(f => f.Name).Append(part.Name));
            var names = new HashSet<string>(DirectoryTypes.All);
            names.UnionWith(directoryParts.Select(p => p.Name).Where(p => !otherFields.Contains(p)));
            names.UnionWith(directoryParts.SelectMany(p => p.Fields).Select(f => f.Name).Where(f => !otherFields.Contains(f)));
            names.UnionWith(directoryParts.SelectMany(p => p.Fields).Select(f => f.Settings.Extra?["Vocabulary"]?.GetValue<string>()).OfType<string>());
            names.UnionWith(DirectoryTypes.All.SelectMany(t => Cultures.Select(c => DirectoryTypes.Segment(t, c))));
            return (IReadOnlySet<string>)names;
        });
    }

    [Fact]
    public async Task Search_and_Maps_hold_no_Directory_names()
    {
        var names = await DirectoryNamesAsync();
        foreach (var module in new[] { "Portal.Search", "Portal.Maps" })
        {
            var assembly = PortalAssemblies.Get(module);
            TargetRules.UsesAssembly(assembly, "Portal.Directory").Should().BeFalse($"{module} uses no type of Portal.Directory");
            TargetRules.LiteralsNaming(assembly, names).Should().BeEmpty($"{module} names no Directory type, field, vocabulary or URL");
        }
    }

    [Fact]
    public void Only_the_content_manager_and_workflow_write_status_and_audit_rows() =>
        PortalAssemblies.Loaded.SelectMany(TargetRules.StatusOrAuditWrites).Should().BeEmpty();

    // Tests of the tests.

    [Fact]
    public async Task The_Directory_names_are_read_from_its_definitions()
    {
        var names = await DirectoryNamesAsync();
        names.Should().Contain(["Actor", "Action", "AidantSupport", "actions", "acteurs", "angebote", DirectoryTypes.EntryPart, "LastVerified", "structure-types"]);
        names.Should().NotContain(["TitlePart", "Page", "News"], "names shared with other types, or theirs, are not the Directory's");
    }

    [Fact]
    public async Task The_names_rule_reports_a_type_using_Directory_and_naming_its_types_and_urls()
    {
        var names = await DirectoryNamesAsync();
        var assembly = typeof(DirectoryNamingSearchForTheRuleTest).Assembly;
        TargetRules.UsesAssembly(assembly, "Portal.Directory").Should().BeTrue();
        var found = TargetRules.LiteralsNaming(assembly, names).Where(f => f.StartsWith(typeof(DirectoryNamingSearchForTheRuleTest).FullName!, StringComparison.Ordinal)).ToList();
        found.Should().HaveCount(3);
        found.Should().Contain(f => f.Contains("names AidantSupport")).And.Contain(f => f.Contains("names actions")).And.Contain(f => f.Contains("names structure-types"));
        TargetRules.LiteralsNaming(assembly, names).Should().NotContain(f => f.Contains("Innocent"));
    }

    [Fact]
    public void The_write_rule_reports_a_status_set_and_an_audit_row_built_outside_the_content_manager()
    {
        var found = TargetRules.StatusOrAuditWrites(typeof(StatusWriterForTheRuleTest).Assembly)
            .Where(f => f.StartsWith(typeof(StatusWriterForTheRuleTest).FullName!, StringComparison.Ordinal)).ToList();
        found.Should().Equal(
            $"{typeof(StatusWriterForTheRuleTest).FullName}.Approve: sets ContentItem.Status",
            $"{typeof(StatusWriterForTheRuleTest).FullName}.ApproveLaterAsync: new AuditEntry",
            $"{typeof(StatusWriterForTheRuleTest).FullName}.ApproveLaterAsync: sets ContentItem.Status");
        TargetRules.IsContentManagerOrWorkflow(typeof(ContentManager)).Should().BeTrue();
        TargetRules.IsContentManagerOrWorkflow(typeof(StatusWriterForTheRuleTest)).Should().BeFalse();
    }
}

/// <summary>Deliberately breaks the names rule (a search that knows the Directory), for the test of the test.</summary>
internal static class DirectoryNamingSearchForTheRuleTest
{
    public static Type Known => typeof(DirectoryTypes);
    public static string Facet(string culture) => culture + "AidantSupport";
    public static string Query() => "/fr/actions?f=1";
    public static string Vocabulary() => "structure-types";
    public static string Innocent() => "Innocent words: Actors, action, structure";
}

/// <summary>Deliberately breaks the write rule (a module writing status and audit itself), for the test of the test.</summary>
internal static class StatusWriterForTheRuleTest
{
    public static void Approve(ContentItem item) => item.Status = "Published";

    public static async Task<AuditEntry> ApproveLaterAsync(ContentItem item)
    {
        await Task.Yield();
        item.Status = "Published";
        return new AuditEntry { ContentItemId = item.ContentItemId, Action = "Approved" };
    }
}
