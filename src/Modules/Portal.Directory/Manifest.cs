using Portal.Core.Modules;

[assembly: Module("Portal.Directory", "Directory", "Portal.Contents", "Portal.Taxonomies", "Portal.Search", "Portal.Maps",
    Description = "Actors, their actions and the support offers for aidants: types, validations, public pages.")]
