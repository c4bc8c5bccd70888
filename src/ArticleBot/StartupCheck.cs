using ArticleBot.Hosting;
using ArticleBot.Storage;
using ArticleQa.Answering;
using ArticleQa.Retrieval;
using Microsoft.Extensions.Options;

namespace ArticleBot;

/// <summary>
/// Loads the prompts and brings the index up to date before the host accepts requests, so a missing prompt function
/// or articles folder stops the app at start with a message instead of failing the first question; then starts
/// watching the articles folder for live updates.
/// </summary>
internal sealed class StartupCheck(
    PromptLibrary prompts,
    ArticleLibrary library,
    ArticleFolderWatcher watcher,
    IOptions<AnsweringOptions> answering,
    StartupState state,
    IndexRole role,
    ILogger<StartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var index = await library.GetIndexAsync(cancellationToken);
        state.MarkIndexLoaded();
        if (role.WatchesFolder)
        {
            watcher.Start();
        }

        if (answering.Value.WatchPrompts)
        {
            prompts.StartWatching();
        }
        logger.LogInformation(
            "Ready: {Articles} articles from {Folder}, prompts {Hash}",
            index.Articles.Count,
            library.Folder,
            prompts.Hash);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
