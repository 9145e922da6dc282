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
}
