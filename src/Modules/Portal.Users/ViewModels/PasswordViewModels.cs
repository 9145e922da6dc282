namespace Portal.Users.ViewModels;

public sealed class ForgotPasswordViewModel
{
    public string? Email { get; set; }
    public bool Sent { get; set; }
    public string? Message { get; set; }
    public Dictionary<string, string> Errors { get; } = [];
    /// <summary>The public site's culture when the page is the partners' one (public layout); null in the back office.</summary>
    public string? Culture { get; set; }
    public string Action => Culture is null ? "/admin/password/forgot" : UsersRoutes.Table.Path(UsersRoutes.ForgotPassword, Culture);
    public string SignIn => Culture is null ? "/admin/login" : UsersRoutes.Table.Path(UsersRoutes.SignIn, Culture);
}

public sealed class ResetPasswordViewModel
{
    public string? User { get; set; }
    public string? Token { get; set; }
    public bool Invalid { get; set; }
    public Dictionary<string, string> Errors { get; } = [];
    /// <summary>The public site's culture when the page is the partners' one (public layout); null in the back office.</summary>
    public string? Culture { get; set; }
    public string Action => Culture is null ? "/admin/password/reset" : UsersRoutes.Table.Path(UsersRoutes.ResetPassword, Culture);
    public string Forgot => Culture is null ? "/admin/password/forgot" : UsersRoutes.Table.Path(UsersRoutes.ForgotPassword, Culture);
}
