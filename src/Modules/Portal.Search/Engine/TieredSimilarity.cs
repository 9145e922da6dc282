using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Portal.Search.Engine;

/// <summary>
/// The usual scoring, except that a query of several words ranks the documents that match all of them first: each
/// slot missing divides the score by a hundred, far more than term frequencies and boosts ever weigh. Only the
/// query's list of slots counts slots (<see cref="QueryBuilder"/> turns the coordination off everywhere else).
/// </summary>
internal sealed class TieredSimilarity : DefaultSimilarity
{
    private const float PerMissingSlot = 0.01f;

    public override float Coord(int overlap, int maxOverlap) =>
        overlap >= maxOverlap ? 1f : overlap == 0 ? 0f : MathF.Pow(PerMissingSlot, maxOverlap - overlap);
}

/// <summary>The searchers of an index, each scoring with <see cref="TieredSimilarity"/>.</summary>
internal sealed class TieredSearcherFactory : SearcherFactory
{
    private static readonly TieredSimilarity Similarity = new();

    public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Similarity };
}
