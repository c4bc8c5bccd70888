using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Services;

namespace ArticleQa.Answering;

/// <summary>
/// The default model: offline and deterministic. Like any LLM it receives the rendered Answer prompt; it reads the
/// numbered sources (<see cref="SourcesBlock"/>) and the last <c>Question:</c> line from it and answers extractively
/// (<see cref="ExtractiveAnswerer"/>).
/// </summary>
public sealed partial class LocalChatCompletionService(ExtractiveAnswerer answerer) : IChatCompletionService
{
    public const string ModelId = "local-extractive";

    public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?> { [AIServiceExtensions.ModelIdKey] = ModelId };

    public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chatHistory);
        cancellationToken.ThrowIfCancellationRequested();
        return ReplyAsync();

        async Task<IReadOnlyList<ChatMessageContent>> ReplyAsync() =>
            [new ChatMessageContent(AuthorRole.Assistant, await RespondAsync(chatHistory, cancellationToken).ConfigureAwait(false), ModelId)];
    }

    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chatHistory);
        foreach (var chunk in WordChunks().Matches(await RespondAsync(chatHistory, cancellationToken).ConfigureAwait(false)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new StreamingChatMessageContent(AuthorRole.Assistant, chunk.ToString(), modelId: ModelId);
        }
    }

    private Task<string> RespondAsync(ChatHistory chatHistory, CancellationToken cancellationToken)
    {
        // Semantic Kernel HTML-encodes variable values in chat prompts; the model reads the decoded text.
        var prompt = WebUtility.HtmlDecode(string.Join("\n", chatHistory.Where(m => m.Role == AuthorRole.User).Select(m => m.Content)));
        // The standalone query carries a follow-up's context ("he" -> the person asked about before).
        var question = SearchQueryLine().Matches(prompt).LastOrDefault()?.Groups["q"].Value
            ?? QuestionLine().Matches(prompt).LastOrDefault()?.Groups["q"].Value
            ?? "";
        return answerer.AnswerAsync(question, SourcesBlock.Parse(prompt), cancellationToken);
    }

    [GeneratedRegex(@"^Question:\s*(?<q>.+)$", RegexOptions.Multiline)]
    private static partial Regex QuestionLine();

    [GeneratedRegex(@"^Search query:[ \t]*(?<q>\S.*)$", RegexOptions.Multiline)]
    private static partial Regex SearchQueryLine();

    [GeneratedRegex(@"\S+\s*")]
    private static partial Regex WordChunks();
}
