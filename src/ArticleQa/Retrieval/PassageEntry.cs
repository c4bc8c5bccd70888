namespace ArticleQa.Retrieval;

/// <summary>Where a passage is: its article, ordinal and offsets, and where its text sits in the index file.</summary>
internal readonly record struct PassageEntry(int ArticleIndex, int Ordinal, int Start, int End, long TextOffset, int TextLength);
