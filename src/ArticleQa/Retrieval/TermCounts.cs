namespace ArticleQa.Retrieval;

/// <summary>A passage's analysed terms as (term id, frequency) pairs, sorted by term id.</summary>
internal sealed record TermCounts(int[] TermIds, ushort[] Frequencies)
{
    public int Length => Frequencies.Sum(f => f);
}
