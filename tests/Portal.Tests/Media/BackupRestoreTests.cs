using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Hosting;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Media;

/// <summary>The backup and restore commands: the database and the media files go out together and come back into a fresh site.</summary>
public sealed class BackupRestoreTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static async Task<(int Code, string Output, string Error)> RunAsync(PortalFactory factory, string name, params string[] args)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var command = scope.ServiceProvider.GetServices<IPortalCommand>().Single(c => c.Name == name);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await command.RunAsync(scope.ServiceProvider, args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_backup_restored_into_a_fresh_site_shows_the_pages_with_their_images(string provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-tests", "backup-" + Guid.NewGuid().ToString("N"));
        try
        {
            string pagePath, imageUrl;
            using (var original = new PortalFactory(provider))
            {
                var image = await MediaContent.UploadImageAsync(original);
                var page = await MediaContent.PageAsync(original, "fr", "Nos ateliers de peinture", image.Id);
                page.Succeeded.Should().BeTrue();
                pagePath = "/fr/" + page.Item!.Path;
                imageUrl = Portal.Media.Services.MediaPaths.Url(image);

                var backup = await RunAsync(original, "backup", "--to", folder);
                backup.Code.Should().Be(0, backup.Error);
                backup.Output.Should().Contain("media files");
                File.Exists(Path.Combine(folder, "backup.json")).Should().BeTrue();
                (await RunAsync(original, "backup", "--to", folder)).Code.Should().Be(2, "a backup never overwrites another");
            }

            // A new site: a first process restores (as the command line would, site stopped), then the site starts on it.
            using var fresh = new PortalFactory(provider);
            using (var restorer = new PortalFactory(provider, dataDirectory: fresh.DataDirectory, connectionString: fresh.ConnectionString))
            {
                (await restorer.CreateClient().GetAsync(pagePath)).StatusCode.Should().Be(HttpStatusCode.NotFound, "the fresh site does not have the page yet");
                var restore = await RunAsync(restorer, "restore", "--from", folder);
                restore.Code.Should().Be(0, restore.Error);
            }

            var client = fresh.CreateClient();
            var html = await client.GetStringAsync(pagePath);
            var shown = MediaContent.LibraryImages(html).Should().ContainSingle().Subject;
            shown.Src.Should().Be(imageUrl);
            shown.Alt.Should().Be(MediaContent.AltFr);
            var file = await client.GetAsync(imageUrl);
            file.StatusCode.Should().Be(HttpStatusCode.OK, "the image's file came back with the database");
            file.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
            foreach (var url in shown.Srcset.Split(", ").Select(s => s.Split(' ')[0]))
                (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, $"the resized copy {url} came back too");
            var signIn = fresh.CreateBrowser();
            (await signIn.SignInAsync()).StatusCode.Should().Be(HttpStatusCode.Redirect, "the accounts came back too");
        }
        finally
        {
            if (System.IO.Directory.Exists(folder)) System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Restoring_a_folder_that_is_not_a_backup_changes_nothing()
    {
        using var factory = new PortalFactory();
        var image = await MediaContent.UploadImageAsync(factory);
        var empty = System.IO.Directory.CreateTempSubdirectory("portal-not-a-backup-").FullName;
        try
        {
            var result = await RunAsync(factory, "restore", "--from", empty);
            result.Code.Should().Be(2);
            result.Error.Should().Contain("backup.json");
            (await factory.CreateClient().GetAsync(Portal.Media.Services.MediaPaths.Url(image))).StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            System.IO.Directory.Delete(empty, recursive: true);
        }
    }
}
