using System.Security.Cryptography;

namespace Portal.Core.Content;

/// <summary>26-character identifiers in Crockford's base 32: short in URLs, unguessable, sortable as text.</summary>
public static class IdGenerator
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[17];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[26];
        for (var i = 0; i < 26; i++)
        {
            var bit = i * 5;
            var value = ((bytes[bit / 8] << 8) | (bit / 8 + 1 < bytes.Length ? bytes[bit / 8 + 1] : 0)) >> (11 - bit % 8) & 31;
            chars[i] = Alphabet[value];
        }
        return new string(chars);
    }

    public static bool IsValid(string? id) => id is { Length: >= 1 and <= 26 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
