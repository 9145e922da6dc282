namespace Portal.Users.ViewModels;

public sealed class ForgotPasswordViewModel
{
    public string? Email { get; set; }
    public bool Sent { get; set; }
    public string? Message { get; set; }
    public Dictionary<string, string> Errors { get; } = [];
}

public sealed class ResetPasswordViewModel
{
    public string? User { get; set; }
    public string? Token { get; set; }
    public bool Invalid { get; set; }
    public Dictionary<string, string> Errors { get; } = [];
}
