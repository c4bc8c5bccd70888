using ArticleQa.Retrieval;
using ArticleQa.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleQa.Tests.Retrieval;

public sealed class PassageIndexWordTests : IDisposable
{
    private readonly DirectoryInfo _articles = Directory.CreateTempSubdirectory("word-as-written-");

    public PassageIndexWordTests() =>
        File.WriteAllText(Path.Combine(_articles.FullName, "talks.txt"), string.Join("\n\n",
            "US Plan Could Be Basis for Talks",
            "The US draft was changed in Geneva. Officials from the US and Ukraine met there, and the US side wrote a plan.",
            "All of this was passed on to us, Putin said. The next round of the plan's talks will be in Moscow.",
            "Talks begin on Monday."));

    [Theory]
    [InlineData("us", "US")]        // the acronym three times, the pronoun once
    [InlineData("plan", "plan")]    // capitalised in the headline only
    [InlineData("moscow", "Moscow")]
    [InlineData("talks", "talks")]  // capitalised at a sentence start and in the headline, lower case inside a sentence
    [InlineData("begin", "begin")]
    [InlineData("kyiv", null)]
    public async Task WordAsWritten_Word_TheFormTheArticlesUseMostInsideSentences(string word, string? expected)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var engine = TestEngine.Create(
            new Dictionary<string, string?> { ["Articles:Path"] = _articles.FullName },
            s => s.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new FakeEmbeddingGenerator()));
        var library = engine.GetRequiredService<ArticleLibrary>();
        await library.SyncAsync(null, cancellationToken);
        var index = await library.GetIndexAsync(cancellationToken);

        Assert.Equal(expected, index.WordAsWritten(word));
    }

    public void Dispose() => _articles.Delete(recursive: true);
}
