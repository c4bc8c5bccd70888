using System.Text.Json;
using ArticleQa.Articles;
using ArticleQa.Text;

namespace ArticleQa.Retrieval;

/// <summary>
/// The seam between the in-memory search engine and an index kept elsewhere (a database shared by several
/// instances): export articles with their vectors and BM25 term counts from a snapshot, and build a local snapshot
/// (the same index file and search engine as always) from stored data, without embedding anything.
/// </summary>
public static class IndexTransfer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>What the snapshot was built with (format, embedding model, splitting), as JSON without the article list.</summary>
    public static string Settings(PassageIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return JsonSerializer.Serialize(index.Manifest with { Articles = [], PassageCounts = [] }, Json);
    }

    /// <summary>Settings for an index not built from articles (benchmarks): the model's name and dimensions only.</summary>
    public static string Settings(string embeddingModel, int dimensions) =>
        JsonSerializer.Serialize(new IndexManifest(IndexManifest.CurrentFormatVersion, embeddingModel, dimensions, 0, 0, 0, 0, [], []), Json);

    /// <summary>A unit-length embedding as the index stores it: int8 values and their scale.</summary>
    public static (sbyte[] Values, float Scale) Quantize(ReadOnlySpan<float> vector) => QuantizedVectors.Quantize(vector);

    /// <summary>The articles with their passages and vectors, in the order asked for; unknown ids are left out.</summary>
    public static IReadOnlyList<TransferArticle> Export(PassageIndex index, IEnumerable<string> articleIds)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(articleIds);
        return articleIds.Select(index.Extract).OfType<IndexedArticle>()
            .Select(a => new TransferArticle(a.Info, a.Passages.Select(p => new TransferPassage(p.Passage.Ordinal, p.Passage.Start, p.Passage.End, p.Passage.Text, p.Vector, p.Scale)).ToList()))
            .ToList();
    }

    /// <summary>A passage's BM25 terms (analysed as the engine does) with their counts.</summary>
    public static IReadOnlyList<(string Term, ushort Count)> Terms(string text) =>
        TermAnalyzer.Analyze(text).GroupBy(t => t, StringComparer.Ordinal).Select(g => (g.Key, (ushort)Math.Min(g.Count(), ushort.MaxValue))).ToList();

    /// <summary>
    /// Writes an index file at <paramref name="path"/> from stored data (<paramref name="terms"/> in passage order
    /// over all articles) and opens it; throws <see cref="InvalidDataException"/> when the data does not add up.
    /// </summary>
    public static PassageIndex WriteAndOpen(string path, string settings, IReadOnlyList<TransferArticle> articles, IndexTerms terms)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(terms);
        var manifest = JsonSerializer.Deserialize<IndexManifest>(settings, Json) ?? throw new InvalidDataException("The stored index has no settings.");
        var passageCount = articles.Sum(a => a.Passages.Count);
        if (terms.Passages.Count != passageCount)
        {
            throw new InvalidDataException($"The stored index has term counts for {terms.Passages.Count} passages, but {passageCount} passages.");
        }

        var indexed = articles.Select(a => new IndexedArticle(a.Info, a.Passages.Select(p => new IndexedPassage(new Passage(a.Info.Id, p.Ordinal, p.Start, p.End, p.Text), p.Vector, p.Scale)).ToList())).ToList();
        IndexFile.Write(path, manifest with { Articles = articles.Select(a => a.Info).ToList(), PassageCounts = articles.Select(a => a.Passages.Count).ToList() }, indexed, terms);
        return IndexFile.Read(path);
    }
}
