using Portal.Core.Localization;

namespace Portal.Users;

/// <summary>The public sign-in pages (for partners) per culture: the default culture's segment first.</summary>
public static class UsersRoutes
{
    public const string SignIn = "sign-in";
    public const string ForgotPassword = "forgot-password";
    public const string ResetPassword = "reset-password";

    public static readonly RouteTable Table = new RouteTable()
        .Add(SignIn, ("fr", "connexion"), ("de", "anmelden"))
        .Add(ForgotPassword, ("fr", "mot-de-passe-oublie"), ("de", "passwort-vergessen"))
        .Add(ResetPassword, ("fr", "nouveau-mot-de-passe"), ("de", "neues-passwort"));

    /// <summary>Where the public page asks the visitor to sign in: its culture's sign-in page, or the back office's for any other address.</summary>
    public static string? SignInFor(string path, Cultures cultures)
    {
        var first = path.TrimStart('/').Split('/', 2)[0];
        return cultures.IsSupported(first) ? Table.Path(SignIn, cultures.OrDefault(first)) : null;
    }
}
