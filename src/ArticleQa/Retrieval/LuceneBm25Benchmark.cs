using System.Diagnostics;
using ArticleQa.Evaluation;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace ArticleQa.Retrieval;

/// <summary>
/// Lucene.Net 4.8 BM25 as a peer for our lexical search: every passage of a <see cref="PassageIndex"/> goes into an
/// in-memory Lucene index (EnglishAnalyzer, <see cref="BM25Similarity"/> with Lucene's defaults k1 = 1.2, b = 0.75),
/// and each question becomes what Lucene's classic query parser makes of plain words: one optional term query per
/// analysed token. Both sides answer each question in turn, so noise on the machine hits them alike. Prints nothing.
/// </summary>
public static class LuceneBm25Benchmark
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string TextField = "text";
    private const string OrdinalField = "ordinal";
    private const int WarmUpQuestions = 20;

    public static LexicalComparison Run(PassageIndex index, IReadOnlyList<EvalQuestion> questions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(questions);
        var scored = questions.Where(question => question.Answerable && question.Scored).ToList();
        using var analyzer = new EnglishAnalyzer(Version);
        using var directory = new RAMDirectory();
        WriteIndex(directory, analyzer, index, cancellationToken);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        var request = new SearchRequest(RetrievalEvaluator.Depth, Mode: RetrievalMode.Lexical);

        IReadOnlyList<RetrievedPassage> Ours(string question) => index.Search(question, default, request);
        IReadOnlyList<RetrievedPassage> Lucene(string question) => SearchLucene(searcher, analyzer, index, question);

        foreach (var question in scored.Take(WarmUpQuestions))
        {
            Ours(question.Question);
            Lucene(question.Question);
        }

        var ours = new List<QuestionRetrievalResult>(scored.Count);
        var lucene = new List<QuestionRetrievalResult>(scored.Count);
        var oursMs = new List<double>(scored.Count);
        var luceneMs = new List<double>(scored.Count);
        for (var q = 0; q < scored.Count; q++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Alternate which side goes first, so that neither always finds the caches warmed by the other.
            if (q % 2 == 0)
            {
                ours.Add(Timed(scored[q], Ours, oursMs));
                lucene.Add(Timed(scored[q], Lucene, luceneMs));
            }
            else
            {
                lucene.Add(Timed(scored[q], Lucene, luceneMs));
                ours.Add(Timed(scored[q], Ours, oursMs));
            }
        }

        oursMs.Sort();
        luceneMs.Sort();
        return new LexicalComparison(
            index.PassageCount,
            RetrievalEvaluator.Summarize(ours),
            RetrievalEvaluator.Summarize(lucene),
            RetrievalBenchmark.Percentile(oursMs, 0.50),
            RetrievalBenchmark.Percentile(oursMs, 0.95),
            RetrievalBenchmark.Percentile(luceneMs, 0.50),
            RetrievalBenchmark.Percentile(luceneMs, 0.95));
    }

    private static QuestionRetrievalResult Timed(EvalQuestion question, Func<string, IReadOnlyList<RetrievedPassage>> search, List<double> milliseconds)
    {
        var stopwatch = Stopwatch.StartNew();
        var passages = search(question.Question);
        milliseconds.Add(stopwatch.Elapsed.TotalMilliseconds);
        return new QuestionRetrievalResult(question.Id, question.Question, RetrievalEvaluator.FirstHitRank(question, passages), passages.Count > 0 ? passages[0].Score : 0);
    }

    private static void WriteIndex(RAMDirectory directory, Analyzer analyzer, PassageIndex index, CancellationToken cancellationToken)
    {
        var config = new IndexWriterConfig(Version, analyzer) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE };
        using var writer = new IndexWriter(directory, config);
        for (var i = 0; i < index.PassageCount; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.AddDocument(
            [
                new StoredField(OrdinalField, i),
                new TextField(TextField, index.GetPassage(i).Text, Field.Store.NO),
            ]);
        }

        writer.Commit();
    }

    private static List<RetrievedPassage> SearchLucene(IndexSearcher searcher, Analyzer analyzer, PassageIndex index, string question)
    {
        var query = new BooleanQuery();
        using (var stream = analyzer.GetTokenStream(TextField, question))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                query.Add(new TermQuery(new Term(TextField, term.ToString())), Occur.SHOULD);
            }

            stream.End();
        }

        if (query.Clauses.Count == 0)
        {
            return [];
        }

        var hits = searcher.Search(query, RetrievalEvaluator.Depth).ScoreDocs;
        var passages = new List<RetrievedPassage>(hits.Length);
        foreach (var hit in hits)
        {
            var ordinal = searcher.Doc(hit.Doc).GetField(OrdinalField).GetInt32Value()!.Value;
            var passage = index.GetPassage(ordinal);
            passages.Add(new RetrievedPassage(passage, index.Articles[passage.ArticleId], hit.Score));
        }

        return passages;
    }
}
