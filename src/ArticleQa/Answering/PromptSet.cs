using Microsoft.SemanticKernel;

namespace ArticleQa.Answering;

/// <summary>One consistent load of the prompt folder: its functions and the hash of the files they came from.</summary>
public sealed record PromptSet(KernelPlugin Plugin, string Hash)
{
    public KernelFunction this[string name] => Plugin[name];
}
