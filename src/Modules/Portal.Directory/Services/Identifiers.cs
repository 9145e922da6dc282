namespace Portal.Directory.Services;

/// <summary>Checks of French official identifiers.</summary>
public static class Identifiers
{
    /// <summary>A SIRET is 14 digits whose Luhn sum is a multiple of 10; La Poste's establishments (SIREN 356000000) use a digit sum multiple of 5.</summary>
    public static bool IsValidSiret(string siret)
    {
        var digits = siret.Replace(" ", "");
        if (digits.Length != 14 || !digits.All(char.IsAsciiDigit)) return false;
        if (digits.StartsWith("356000000", StringComparison.Ordinal) && digits != "35600000000048")
            return digits.Sum(c => c - '0') % 5 == 0;
        var sum = 0;
        for (var i = 0; i < 14; i++)
        {
            var d = digits[i] - '0';
            if (i % 2 == 0) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /// <summary>A FINESS number: the département (two digits, or 2A/2B) and seven digits.</summary>
    public static bool IsValidFiness(string finess)
    {
        var value = finess.Replace(" ", "").ToUpperInvariant();
        return value.Length == 9
            && (value[..2].All(char.IsAsciiDigit) || value[..2] is "2A" or "2B")
            && value[2..].All(char.IsAsciiDigit);
    }

    /// <summary>Whether a French postcode can belong to the commune of that INSEE code: the same département.</summary>
    public static bool PostcodeMatchesCommune(string postcode, string insee)
    {
        postcode = postcode.Trim();
        insee = insee.Trim().ToUpperInvariant();
        if (postcode.Length != 5 || !postcode.All(char.IsAsciiDigit) || insee.Length != 5) return true; // not French codes: nothing to compare
        var department = insee[..2] is "2A" or "2B" ? "20" : insee[..2];
        if (department == "97") return postcode[..3] == insee[..3];
        return postcode[..2] == department;
    }
}
