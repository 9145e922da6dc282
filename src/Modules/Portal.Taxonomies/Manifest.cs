using Portal.Core.Modules;

[assembly: Module("Portal.Taxonomies", "Taxonomies", "Portal.Users", "Portal.Contents",
    Description = "Vocabularies of terms with French and German labels, a TaxonomyTerms field and their back-office screens.")]
