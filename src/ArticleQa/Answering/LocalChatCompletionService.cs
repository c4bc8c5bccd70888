using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ArticleQa.Answering.Learning;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Services;

namespace ArticleQa.Answering;

/// <summary>
/// The default model: offline and deterministic. Like any LLM it receives the rendered Answer prompt; it reads the
/// numbered sources (<see cref="SourcesBlock"/>) and the last <c>Question:</c> line from it and answers extractively
/// (<see cref="ExtractiveAnswerer"/>). What the engine already knows about the turn (<see cref="LocalTurn"/>: the
/// query's embedding, the sources' retrieval scores) comes through <c>Kernel.Data</c> when the engine calls it.
/// </summary>
public sealed partial class LocalChatCompletionService : IChatCompletionService
{
    public const string ModelId = "local-extractive";

    private readonly ExtractiveAnswerer _answerer;

    internal LocalChatCompletionService(ExtractiveAnswerer answerer) => _answerer = answerer;

    /// <summary>The Local model over <paramref name="embeddings"/> with the learned models in <paramref name="modelsFolder"/> (null: the shipped ones).</summary>
    public static LocalChatCompletionService Create(IEmbeddingGenerator<string, Embedding<float>> embeddings, string? modelsFolder = null) =>
        new(new ExtractiveAnswerer(embeddings, LocalModels.Load(modelsFolder ?? LocalModels.DefaultFolder)));

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
            [new ChatMessageContent(AuthorRole.Assistant, await RespondAsync(chatHistory, kernel, cancellationToken).ConfigureAwait(false), ModelId)];
    }

    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chatHistory);
        foreach (var chunk in WordChunks().Matches(await RespondAsync(chatHistory, kernel, cancellationToken).ConfigureAwait(false)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new StreamingChatMessageContent(AuthorRole.Assistant, chunk.ToString(), modelId: ModelId);
        }
    }

    private async Task<string> RespondAsync(ChatHistory chatHistory, Kernel? kernel, CancellationToken cancellationToken)
    {
        // Semantic Kernel HTML-encodes variable values in chat prompts; the model reads the decoded text.
        var prompt = WebUtility.HtmlDecode(string.Join("\n", chatHistory.Where(m => m.Role == AuthorRole.User).Select(m => m.Content)));
        // The standalone query carries a follow-up's context ("he" -> the person asked about before).
        var question = SearchQueryLine().Matches(prompt).LastOrDefault()?.Groups["q"].Value
            ?? QuestionLine().Matches(prompt).LastOrDefault()?.Groups["q"].Value
            ?? "";
        var turn = kernel?.Data.TryGetValue(LocalTurn.DataKey, out var data) == true ? data as LocalTurn : null;
        var answer = await _answerer.AnswerAsync(question, SourcesBlock.Parse(prompt), turn, cancellationToken).ConfigureAwait(false);
        turn?.Confidence = answer.Confidence;
        return answer.Text;
    }

    [GeneratedRegex(@"^Question:\s*(?<q>.+)$", RegexOptions.Multiline)]
    private static partial Regex QuestionLine();

    [GeneratedRegex(@"^Search query:[ \t]*(?<q>\S.*)$", RegexOptions.Multiline)]
    private static partial Regex SearchQueryLine();

    [GeneratedRegex(@"\S+\s*")]
    private static partial Regex WordChunks();
}
