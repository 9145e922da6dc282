namespace Portal.Core.Hosting;

/// <summary>A message a module shows at the top of every public page (sample data, maintenance…), or null.</summary>
public interface ISiteNotice
{
    Task<string?> GetAsync(string culture);
}
