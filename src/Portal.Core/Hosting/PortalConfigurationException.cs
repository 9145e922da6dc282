namespace Portal.Core.Hosting;

/// <summary>A setting the site cannot run without is missing or wrong; the message names it.</summary>
public sealed class PortalConfigurationException(string message) : Exception(message);
