namespace Portal.Newsletter;

/// <summary>The campaign landing page type and its fields.</summary>
public static class CampaignTypes
{
    public const string Campaign = "Campaign";
    public const string Summary = "Summary";
    public const string Hero = "Hero";
    public const string Message = "Message";
    public const string Kit = "Kit";
    public const int Actions = 3;

    /// <summary>Call-to-action block n (1…<see cref="Actions"/>): a link (address and text) and a sentence.</summary>
    public static string Action(int n) => $"Action{n}";
    public static string ActionText(int n) => $"Action{n}Text";
}
