using Portal.Core.Modules;

[assembly: Module("Portal.Publishing", "Publishing", "Portal.Contents", "Portal.Search", "Portal.Media",
    Description = "News with their list and RSS feed per culture, pages in the menus, the sitemap, robots.txt and the site map page.")]
