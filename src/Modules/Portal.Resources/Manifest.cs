using Portal.Core.Modules;

[assembly: Module("Portal.Resources", "Resources", "Portal.Contents", "Portal.Media", "Portal.Search", "Portal.Taxonomies",
    Description = "Resources (guides, studies, fact sheets…) with their documents from the media library, the text of their PDF files searched, and the resource library page per culture.")]
