namespace Portal.Core.Content;

public sealed record ContentValidationError(string Key, string Message);

/// <summary>The messages of one validation, by field key ("Part.Field"); an empty key is about the whole item.</summary>
public sealed class ContentValidationResult
{
    private readonly List<ContentValidationError> _errors = [];
    private readonly List<ContentValidationError> _warnings = [];

    /// <summary>What deserves a second look but does not stop the save (a point far from its commune).</summary>
    public IReadOnlyList<ContentValidationError> Warnings => _warnings;

    public void Warn(string key, string message) => _warnings.Add(new ContentValidationError(key, message));

    public IReadOnlyList<ContentValidationError> Errors => _errors;
    public bool Succeeded => _errors.Count == 0;

    public void Add(string key, string message) => _errors.Add(new ContentValidationError(key, message));

    /// <summary>Drops one field's errors: a handler knows its value comes later (an organisation named in free text, linked while reviewing).</summary>
    public void Waive(string key) => _errors.RemoveAll(e => e.Key == key);

    public IEnumerable<string> For(string key) => _errors.Where(e => e.Key == key).Select(e => e.Message);

    public override string ToString() => string.Join("; ", _errors.Select(e => string.IsNullOrEmpty(e.Key) ? e.Message : $"{e.Key}: {e.Message}"));
}
