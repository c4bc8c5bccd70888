using ArticleQa.Retrieval;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArticleBot.Tests.Bot;

/// <summary>The bot's retriever reranks with the shipped passage ranker, and a missing ranker file stops the start.</summary>
public sealed class PassageRankerStartupTests
{
    private static readonly string ShippedModels = Path.Combine(AppContext.BaseDirectory, "models");

    [Fact]
    public async Task Start_Default_TheBotsRetrieverReranksTheFusedTop()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var host = await BotHost.StartAsync();
        var retriever = host.Services.GetRequiredService<PassageRetriever>();
        var reranker = host.Services.GetRequiredService<IPassageReranker>();
        var index = await host.Services.GetRequiredService<ArticleLibrary>().GetIndexAsync(cancellationToken);
        const string query = "How many points were in the first American draft?";
        var vector = await retriever.EmbedAsync(query, cancellationToken);

        var fused = index.Search(query, vector.Span, new SearchRequest(reranker.Candidates));
        var hits = await retriever.SearchAsync(query, vector, 5, cancellationToken: cancellationToken);

        Assert.True(host.Services.GetRequiredService<IOptions<RetrievalOptions>>().Value.Rerank);
        Assert.Equal(30, reranker.Candidates);
        Assert.Equal((await reranker.RerankAsync(query, fused, index, cancellationToken)).Take(5).Select(p => p.Passage.Id), hits.Select(p => p.Passage.Id));
        Assert.NotEqual(fused.Take(5).Select(p => p.Passage.Id), hits.Select(p => p.Passage.Id));
    }

    [Fact]
    public async Task Start_RankerFileMissing_StopsNamingTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("models-");
        foreach (var file in Directory.GetFiles(ShippedModels).Where(f => !Path.GetFileName(f).StartsWith("passage-ranker", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(folder.FullName, Path.GetFileName(file)));
        }

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(new Dictionary<string, string?> { ["Answering:ModelsPath"] = folder.FullName }));

        Assert.Contains(Path.Combine(folder.FullName, "passage-ranker.zip"), error.Message, StringComparison.Ordinal);
    }
}
