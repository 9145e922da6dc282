using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Localization;

namespace Portal.Theme.Controllers;

/// <summary>The pages shown for 4xx and 5xx answers: a page of the site, never a stack trace.</summary>
[AllowAnonymous, IgnoreAntiforgeryToken]
public sealed class StatusController(Cultures cultures) : Controller
{
    [Route("error/{code:int}")]
    public IActionResult Status(int code)
    {
        if (code is < 400 or > 599) code = 404;
        // The error page speaks the language of the page that failed (/de/… → German).
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        var segment = original?.Split('/', 3, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (cultures.IsSupported(segment)) cultures.Use(segment!);
        // Reached directly (not re-executed), an error page is itself a missing page.
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null || HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        Response.StatusCode = reExecuted ? code : 404;
        return View("Status", reExecuted ? code : 404);
    }
}
