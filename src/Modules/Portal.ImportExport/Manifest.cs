using Portal.Core.Modules;

[assembly: Module("Portal.ImportExport", "Open data", "Portal.Contents", "Portal.Directory", "Portal.Taxonomies",
    Description = "The directory as open data: data·inclusion v1 structures and services, GeoJSON, and the page that describes them.")]
