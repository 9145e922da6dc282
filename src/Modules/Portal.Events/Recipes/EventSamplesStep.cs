using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Core.Content;
using Portal.Core.Recipes;
using Portal.Core.Recipes.Steps;
using Portal.Events.Models;

namespace Portal.Events.Recipes;

/// <summary>
/// { "name": "EventSamples", "data": [ …items as in the Content step… ] }: sample events whose dates are written
/// relative to the day the recipe runs (the site's clock, in Paris time), so that a fresh site always has past and
/// upcoming events. A session is { "Day": 12, "Start": "10:00", "End": "12:00" }; a registration date
/// { "Day": -20, "Time": "09:00" }. Absolute dates are kept as they are. The items then go through the Content step.
/// </summary>
public sealed class EventSamplesStep(IContentManager contentManager, TimeProvider clock) : IRecipeStep
{
    public string Name => "EventSamples";

    public Task ExecuteAsync(RecipeStepContext context)
    {
        if (context.Step["data"] is not JsonArray data) throw new RecipeStepException("the step needs a \"data\" array of items.");
        var today = EventSession.LocalNow(clock).Date;
        var items = new JsonArray();
        foreach (var node in data)
        {
            if (node?.DeepClone() is not JsonObject item) throw new RecipeStepException("each item must be a JSON object.");
            if (item[EventTypes.Part] is JsonObject part) Resolve(part, today);
            items.Add(item);
        }
        var step = new JsonObject { ["name"] = "Content", ["data"] = items };
        return new ContentStep(contentManager).ExecuteAsync(new RecipeStepContext(context.Recipe, context.Number, step, context.RunRecipeAsync));
    }

    private static void Resolve(JsonObject part, DateTime today)
    {
        if (part[EventTypes.Fields.Sessions]?["Sessions"] is JsonArray sessions)
            foreach (var session in sessions.OfType<JsonObject>())
            {
                if (session["Day"] is not JsonValue day) continue;
                var date = today.AddDays(day.GetValue<int>());
                session["Start"] = At(date, session["Start"]?.GetValue<string>());
                session["End"] = At(date, session["End"]?.GetValue<string>());
                session.Remove("Day");
            }
        foreach (var field in new[] { EventTypes.Fields.RegistrationOpens, EventTypes.Fields.RegistrationCloses })
            if (part[field] is JsonObject value && value["Day"] is JsonValue day)
                part[field] = new JsonObject { ["Value"] = At(today.AddDays(day.GetValue<int>()), value["Time"]?.GetValue<string>()) };
    }

    private static string At(DateTime date, string? time) =>
        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" + (time ?? "00:00");
}
