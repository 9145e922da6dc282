using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>The README's run command starts the site in Production: no developer exception page, a 500 is the site's own page.</summary>
public sealed class ProductionModeTests
{
    [Fact]
    public void The_readme_run_command_starts_in_production_and_development_is_a_separate_profile()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln"))) directory = directory.Parent;
        var profiles = JsonNode.Parse(File.ReadAllText(Path.Combine(directory!.FullName, "src", "Portal.Web", "Properties", "launchSettings.json")))!["profiles"]!.AsObject();

        // `dotnet run` takes the first profile; without the variable the environment would be Production too.
        var first = profiles.First().Value!;
        (first["environmentVariables"]?["ASPNETCORE_ENVIRONMENT"]?.GetValue<string>() ?? "Production").Should().Be("Production");
        first["applicationUrl"]!.GetValue<string>().Should().Be("http://127.0.0.1:5080");
        profiles["Development"]!["environmentVariables"]!["ASPNETCORE_ENVIRONMENT"]!.GetValue<string>().Should().Be("Development");
    }

    [Fact]
    public async Task A_500_in_production_shows_the_sites_error_page_without_stack_trace_or_source_path()
    {
        using var factory = new PortalFactory { Environment = "Production", ConfigureTestServices = s => s.Configure<MvcOptions>(o => o.Filters.Add(new FailingPage())) };

        var response = await factory.CreateClient().GetAsync(FailingPage.Path);

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("Une erreur est survenue").And.Contain("<html lang=\"fr\">");
        html.Should().NotContain(FailingPage.Secret).And.NotContain("InvalidOperationException").And.NotContain("ProductionModeTests")
            .And.NotContain(".cs:line").And.NotContain(AppContext.BaseDirectory);
        SecurityHeadersTests.ShouldBeStrict(response, html, FailingPage.Path);
    }

    [Fact]
    public async Task Even_when_the_error_page_fails_too_production_shows_no_stack_trace_or_source_path()
    {
        // As when the database is down: the page fails, then so does the error page the handler re-executes.
        using var factory = new PortalFactory { Environment = "Production", ConfigureTestServices = s => s.Configure<MvcOptions>(o => o.Filters.Add(new FailingPage(errorPageFails: true))) };

        // No developer page catches it: the exception leaves the site (the test server rethrows it; Kestrel answers an
        // empty 500), or a static page answers. In Development the developer page would render the trace here.
        HttpResponseMessage response;
        try { response = await factory.CreateClient().GetAsync(FailingPage.Path); }
        catch (InvalidOperationException ex) when (ex.Message.Contains(FailingPage.Secret)) { return; }

        response.StatusCode.Should().BeOneOf(HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().NotContain(FailingPage.Secret).And.NotContain("InvalidOperationException")
            .And.NotContain("ProductionModeTests").And.NotContain(".cs:line").And.NotContain(AppContext.BaseDirectory);
    }

    /// <summary>Makes one public address fail inside the site's pipeline (its error handling included); only this test adds it.</summary>
    private sealed class FailingPage(bool errorPageFails = false) : IActionFilter
    {
        public const string Path = "/fr/test-failure";
        public const string Secret = "/home/build/src/Secret/FailingPage.cs";

        public void OnActionExecuting(ActionExecutingContext context)
        {
            if (context.HttpContext.Request.Path == Path) throw new InvalidOperationException($"Failure in {Secret}");
            if (errorPageFails && context.HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path == Path)
                throw new InvalidOperationException($"The error page failed too, in {Secret}");
        }

        public void OnActionExecuted(ActionExecutedContext context) { }
    }
}
