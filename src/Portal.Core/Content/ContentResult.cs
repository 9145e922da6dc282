namespace Portal.Core.Content;

public enum ContentError { None, NotFound, Invalid, Concurrency, NotAllowed }

/// <summary>The outcome of a write through the content manager.</summary>
public sealed class ContentResult
{
    public ContentError Error { get; private init; }
    public ContentItem? Item { get; private init; }
    public ContentValidationResult Validation { get; private init; } = new();
    public string? Message { get; private init; }
    public bool Succeeded => Error == ContentError.None;

    public static ContentResult Ok(ContentItem item, ContentValidationResult? validation = null) => new() { Item = item, Validation = validation ?? new() };
    public static ContentResult NotFound(string message) => new() { Error = ContentError.NotFound, Message = message };
    public static ContentResult Invalid(ContentValidationResult validation) => new() { Error = ContentError.Invalid, Validation = validation, Message = validation.ToString() };
    public static ContentResult Conflict(string message, ContentItem? current = null) => new() { Error = ContentError.Concurrency, Message = message, Item = current };
    public static ContentResult Refused(string message) => new() { Error = ContentError.NotAllowed, Message = message };

    public override string ToString() => Succeeded ? "OK" : $"{Error}: {Message}";
}
