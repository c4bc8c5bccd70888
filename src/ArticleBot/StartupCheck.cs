using ArticleQa.Answering;
using ArticleQa.Retrieval;

namespace ArticleBot;

/// <summary>
/// Loads the prompts and the articles before the host accepts requests, so a missing prompt function or articles
/// folder stops the app at start with a message instead of failing the first question.
/// </summary>
internal sealed class StartupCheck(PromptLibrary prompts, ArticleLibrary library, ILogger<StartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var index = await library.GetIndexAsync(cancellationToken);
        logger.LogInformation(
            "Ready: {Articles} articles from {Folder}, prompts {Hash}",
            index.Articles.Count,
            library.Folder,
            prompts.Hash);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
