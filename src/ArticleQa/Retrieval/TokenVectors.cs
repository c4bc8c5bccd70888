using System.Numerics.Tensors;
using Lucene.Net.Analysis.En;

namespace ArticleQa.Retrieval;

/// <summary>
/// MiniLM's contextual vectors of a text's content word-pieces, as the model outputs them before pooling: [CLS],
/// [SEP], punctuation and English stop words are left out, each vector is L2-normalised. The Local model's soft token
/// alignment (BERTScore-style) compares a question's with a sentence's.
/// </summary>
public sealed class TokenVectors
{
    private const int Width = MiniLmResources.Dimensions;

    private static readonly Lazy<bool[]> _contentPieces = new(ContentPieces);

    // Words that ask rather than say: on a question's side they would align with anything.
    private static readonly HashSet<string> _askingWords = new(["what", "which", "who", "whom", "whose", "when", "where", "why", "how", "did", "does", "do", "has", "have", "had"], StringComparer.Ordinal);

    // Half precision: a sentence's vectors are cached with it, and cosines need no more.
    private readonly Half[] _values;

    private TokenVectors(Half[] values) => _values = values;

    /// <summary>No content word-pieces (what a text without any has; alignment to or from it is NaN).</summary>
    public static TokenVectors Empty { get; } = new([]);

    /// <summary>Content word-pieces kept.</summary>
    public int Count => _values.Length / Width;

    /// <summary>
    /// BERTScore-style recall of this text by <paramref name="others"/>: the mean over this text's word-pieces of the
    /// best cosine with any word-piece of any of <paramref name="others"/>. NaN when either side has none.
    /// </summary>
    public double RecallBy(params IReadOnlyList<TokenVectors> others) => BestCosines(others) is { Length: > 0 } best ? best.Average() : double.NaN;

    /// <summary>
    /// For each of this text's word-pieces, its best cosine with any word-piece of any of <paramref name="others"/>;
    /// empty when either side has none.
    /// </summary>
    public float[] BestCosines(params IReadOnlyList<TokenVectors> others)
    {
        ArgumentNullException.ThrowIfNull(others);
        var theirCount = others.Sum(o => o.Count);
        if (Count == 0 || theirCount == 0)
        {
            return [];
        }

        var theirs = new float[theirCount * Width];
        var offset = 0;
        foreach (var other in others)
        {
            TensorPrimitives.ConvertToSingle(other._values, theirs.AsSpan(offset));
            offset += other._values.Length;
        }

        var piece = new float[Width];
        var best = new float[Count];
        for (var i = 0; i < Count; i++)
        {
            TensorPrimitives.ConvertToSingle(_values.AsSpan(i * Width, Width), piece);
            best[i] = float.NegativeInfinity;
            for (var j = 0; j < theirCount; j++)
            {
                best[i] = Math.Max(best[i], TensorPrimitives.Dot(piece, theirs.AsSpan(j * Width, Width)));
            }
        }

        return best;
    }

    /// <summary>The content word-pieces of <paramref name="ids"/> (one model row) from that row's hidden states.</summary>
    internal static TokenVectors FromHiddenStates(IReadOnlyList<int> ids, ReadOnlySpan<float> hidden)
    {
        var content = _contentPieces.Value;
        var kept = 0;
        for (var t = 0; t < ids.Count; t++)
        {
            kept += IsContent(content, ids[t]) ? 1 : 0;
        }

        var values = new Half[kept * Width];
        Span<float> vector = stackalloc float[Width];
        var k = 0;
        for (var t = 0; t < ids.Count; t++)
        {
            if (IsContent(content, ids[t]))
            {
                TensorPrimitives.Divide(hidden.Slice(t * Width, Width), TensorPrimitives.Norm(hidden.Slice(t * Width, Width)), vector);
                TensorPrimitives.ConvertToHalf(vector, values.AsSpan(k++ * Width, Width));
            }
        }

        return new TokenVectors(values);
    }

    private static bool IsContent(bool[] content, int id) => id >= 0 && id < content.Length && content[id];

    /// <summary>Word-pieces with a letter or digit that are not [SPECIAL] tokens, whole English stop words or asking words.</summary>
    private static bool[] ContentPieces()
    {
        var vocabulary = MiniLmResources.Vocabulary;
        var stopWords = EnglishAnalyzer.DefaultStopSet;
        var content = new bool[vocabulary.Count];
        for (var id = 0; id < content.Length; id++)
        {
            var piece = vocabulary[id];
            content[id] = !(piece.StartsWith('[') && piece.EndsWith(']'))
                && piece.Any(char.IsLetterOrDigit)
                && !stopWords.Contains(piece)
                && !_askingWords.Contains(piece);
        }

        return content;
    }
}
