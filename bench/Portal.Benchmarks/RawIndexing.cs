using System.Diagnostics;
using Lucene.Net.Store;
using Portal.Search.Engine;

namespace Portal.Benchmarks;

/// <summary>The search benchmark's own indexing: generated documents written straight to one Lucene index per culture, on disk.</summary>
public static class RawIndexing
{
    /// <summary>Writes the corpus into <paramref name="root"/> (a folder per culture), merged and committed; returns the indexes and the time taken.</summary>
    public static (Dictionary<string, LuceneSearchIndex> Indexes, TimeSpan Elapsed) Build(IReadOnlyList<CorpusItem> corpus, string root)
    {
        var clock = Stopwatch.StartNew();
        var indexes = new Dictionary<string, LuceneSearchIndex>();
        foreach (var culture in new[] { "fr", "de" })
        {
            // The engine measured answering each query itself: a query of the mix asked twice is not served from memory.
            var index = new LuceneSearchIndex(FSDirectory.Open(Path.Combine(root, culture)), culture, create: true) { KeepAnswers = false };
            foreach (var item in corpus.Where(c => c.Culture == culture)) index.Add(item.ToDocument());
            index.Optimize();
            index.Commit(1);
            indexes[culture] = index;
        }
        return (indexes, clock.Elapsed);
    }

    /// <summary>Documents per second of <see cref="Build"/> over <paramref name="count"/> generated items (the generation not timed).</summary>
    public static double Rate(int count)
    {
        var corpus = Corpus.Generate(count, VocabulariesPath);
        var root = Path.Combine(Path.GetTempPath(), "portal-raw-index-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (indexes, elapsed) = Build(corpus, root);
            foreach (var index in indexes.Values) index.Dispose();
            return count / elapsed.TotalSeconds;
        }
        finally
        {
            try { System.IO.Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    public static string VocabulariesPath => Path.Combine(AppContext.BaseDirectory, "data", "vocabularies.recipe.json");
}
