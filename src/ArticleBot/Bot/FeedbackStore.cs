using System.Text.Json;
using ArticleBot.Channels;
using ArticleBot.Storage;
using ArticleQa;
using Microsoft.Extensions.Options;

namespace ArticleBot.Bot;

/// <summary>Appends thumbs up/down feedback to a JSONL file, one object a line, never rewriting what is there.</summary>
public sealed class FeedbackStore(IOptions<ChannelsOptions> options, ILogger<FeedbackStore> logger) : IFeedbackStore, IDisposable
{
    private readonly SemaphoreSlim _write = new(1, 1);

    public string Path { get; } = PathResolver.ResolveForWrite(options.Value.FeedbackPath);

    public string Location => Path;

    public async Task AppendAsync(FeedbackEntry entry, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.Serialize(entry, FeedbackEntry.Json) + "\n";
        await _write.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            await File.AppendAllTextAsync(Path, line, cancellationToken);
        }
        finally
        {
            _write.Release();
        }

        logger.LogInformation("Stored {Reaction} feedback on answer {AnswerId}", entry.Reaction, entry.AnswerId);
    }

    public async Task<IReadOnlyList<FeedbackEntry>> ReadAllAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        var lines = await File.ReadAllLinesAsync(Path, cancellationToken);
        return lines.Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<FeedbackEntry>(l, FeedbackEntry.Json)!).ToList();
    }

    public void Dispose() => _write.Dispose();
}
