namespace ArticleQa.Retrieval;

/// <summary>A passage as an index store keeps it: position, text and int8 embedding with its scale.</summary>
public sealed record TransferPassage(int Ordinal, int Start, int End, string Text, sbyte[] Vector, float Scale);
