using Portal.Core.Modules;

[assembly: Module("Portal.Media", "Media", "Portal.Contents",
    Description = "A media library: images and documents checked by content, images cleaned and resized, a media picker field, files served with long-lived cache headers.")]
