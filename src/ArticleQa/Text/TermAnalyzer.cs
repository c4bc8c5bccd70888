using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace ArticleQa.Text;

/// <summary>
/// Turns text into search terms the way Lucene's EnglishAnalyzer does: standard tokenizer, possessives removed,
/// lower case, English stop words dropped, Porter stemming. Thread-safe.
/// </summary>
public static class TermAnalyzer
{
    private static readonly Analyzer English = new EnglishAnalyzer(LuceneVersion.LUCENE_48);

    public static IReadOnlyList<string> Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        using var stream = English.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
