using ArticleQa.Articles;

namespace ArticleQa.Retrieval;

/// <summary>A passage with its quantised embedding, as it goes into (or comes out of) the index file.</summary>
internal sealed record IndexedPassage(Passage Passage, sbyte[] Vector, float Scale);

/// <summary>An article's metadata and all its indexed passages.</summary>
internal sealed record IndexedArticle(ArticleInfo Info, IReadOnlyList<IndexedPassage> Passages);
