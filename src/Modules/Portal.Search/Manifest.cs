using Portal.Core.Modules;

[assembly: Module("Portal.Search", "Search", "Portal.Contents", "Portal.Taxonomies",
    Description = "A Lucene index per culture kept current from the content journal; faceted search page, JSON API and suggestions.")]
