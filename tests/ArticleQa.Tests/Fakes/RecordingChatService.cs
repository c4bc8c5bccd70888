using System.Runtime.CompilerServices;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace ArticleQa.Tests.Fakes;

/// <summary>A chat service that records the chat histories it receives and answers with a fixed text.</summary>
internal sealed class RecordingChatService(string reply) : IChatCompletionService
{
    public List<ChatHistory> Calls { get; } = [];

    public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?>();

    public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
    {
        Calls.Add(chatHistory);
        IReadOnlyList<ChatMessageContent> result = [new ChatMessageContent(AuthorRole.Assistant, reply)];
        return Task.FromResult(result);
    }

    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Calls.Add(chatHistory);
        foreach (var word in reply.Split(' '))
        {
            await Task.Yield();
            yield return new StreamingChatMessageContent(AuthorRole.Assistant, word + " ");
        }
    }
}
