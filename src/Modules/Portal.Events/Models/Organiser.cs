namespace Portal.Events.Models;

/// <summary>The actor that organises an event, in the page's culture when it is translated.</summary>
public sealed record Organiser(string Id, string Name, string? Url);
