using Portal.Core.Modules;

[assembly: Module("Portal.Maps", "Maps", "Portal.Search", "Portal.Contents",
    Description = "The map page and its GeoJSON endpoint (server clusters), driven by the search's query model.")]
