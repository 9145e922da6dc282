using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;
using Portal.Search.Synonyms;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

public sealed class SynonymStepTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static string Write(PortalFactory factory, string name, string groups)
    {
        var path = Path.Combine(factory.DataDirectory, name + ".recipe.json");
        File.WriteAllText(path, $$"""{ "name": "{{name}}", "steps": [ { "name": "Synonyms", "Groups": {{groups}} } ] }""");
        return path;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_synonyms_step_replaces_the_groups_of_its_cultures_and_a_wrong_group_names_its_step(string provider)
    {
        string? database = null;
        var connection = provider == "Postgres" ? TestDatabases.CreatePostgresDatabase(out database) : null;
        try
        {
            using var factory = new PortalFactory(provider, connectionString: connection);
            factory.CreateClient().Dispose();
            async Task<List<SynonymGroup>> GroupsAsync() => await factory.WithScopeAsync(async sp => (await sp.GetRequiredService<SynonymStore>().ListAsync()).ToList());
            async Task RunAsync(string path) => await factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(path));

            await RunAsync(Write(factory, "first", """
                [ { "Culture": "fr", "Terms": ["fauteuil roulant", "PMR", "PMR "] }, { "Culture": "de", "Terms": ["Rollstuhl", "Gehbehinderung"] },
                  { "Culture": "*", "Terms": ["accueil de jour", "Tagespflege"] } ]
                """));
            var groups = await GroupsAsync();
            groups.Should().HaveCount(3);
            groups.Single(g => g.Culture == "fr").Terms.Should().Equal("fauteuil roulant", "PMR");

            await RunAsync(Write(factory, "second", """[ { "Culture": "fr", "Terms": ["démence", "Alzheimer"] } ]"""));
            groups = await GroupsAsync();
            groups.Select(g => g.Terms[0]).Should().BeEquivalentTo(["démence", "Rollstuhl", "accueil de jour"], "only the French groups were replaced");

            var wrong = Write(factory, "wrong", """[ { "Culture": "fr", "Terms": ["sourd", "malentendant"] }, { "Culture": "xx", "Terms": ["a b", "c d"] } ]""");
            var act = () => RunAsync(wrong);
            (await act.Should().ThrowAsync<RecipeException>()).Which.Message.Should().Contain("wrong.recipe.json, step 1 (Synonyms)").And.Contain("group 2").And.Contain("\"xx\"");
            var lonely = Write(factory, "lonely", """[ { "Culture": "fr", "Terms": ["sourd"] } ]""");
            act = () => RunAsync(lonely);
            (await act.Should().ThrowAsync<RecipeException>()).Which.Message.Should().Contain("step 1 (Synonyms)").And.Contain("at least two");
            (await GroupsAsync()).Select(g => g.Terms[0]).Should().BeEquivalentTo(["démence", "Rollstuhl", "accueil de jour"], "a wrong step changes nothing");
        }
        finally
        {
            if (database is not null) TestDatabases.DropPostgresDatabase(database);
        }
    }
}
