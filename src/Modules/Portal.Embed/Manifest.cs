using Portal.Core.Modules;

[assembly: Module("Portal.Embed", "Embedding", "Portal.Search", "Portal.Maps",
    Description = "Widgets other sites embed (a script into a shadow root, or an iframe at /embed/{id}): preset search, list and map, framed only by their allowed origins; usage per week.")]
