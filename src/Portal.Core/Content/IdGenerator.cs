using System.Security.Cryptography;

namespace Portal.Core.Content;

/// <summary>
/// 26-character identifiers in Crockford's base 32: short in URLs, unguessable, sortable as text. The first 10
/// characters are the time in milliseconds, the other 16 carry 80 random bits: ids made one after the other sort
/// together, so a bulk write appends to its indexes instead of touching pages all over them.
/// </summary>
public static class IdGenerator
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string New()
    {
        Span<char> chars = stackalloc char[26];
        var time = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(time & 31)];
            time >>= 5;
        }
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);
        // 80 bits, five at a time.
        var bits = 0UL;
        var count = 0;
        var next = 0;
        for (var i = 10; i < 26; i++)
        {
            if (count < 5)
            {
                bits = bits << 8 | random[next++];
                count += 8;
            }
            chars[i] = Alphabet[(int)(bits >> (count - 5) & 31)];
            count -= 5;
        }
        return new string(chars);
    }

    public static bool IsValid(string? id) => id is { Length: >= 1 and <= 26 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
