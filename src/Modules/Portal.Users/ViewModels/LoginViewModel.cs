namespace Portal.Users.ViewModels;

public sealed class LoginViewModel
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public bool RememberMe { get; set; }
    public string? ReturnUrl { get; set; }
    public Dictionary<string, string> Errors { get; } = [];
    public string? Message { get; set; }
    public string? Notice { get; set; }
    /// <summary>The public site's culture when the page is the partners' sign-in (public layout); null in the back office.</summary>
    public string? Culture { get; set; }
    public string Action => Culture is null ? "/admin/login" : UsersRoutes.Table.Path(UsersRoutes.SignIn, Culture);
    public string ForgotAction => Culture is null ? "/admin/password/forgot" : UsersRoutes.Table.Path(UsersRoutes.ForgotPassword, Culture);
}
