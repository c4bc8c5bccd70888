using Microsoft.Extensions.Options;

namespace ArticleQa.Answering.Learning;

/// <summary>With the Local model configured, a missing or corrupt model file fails the start with a message naming the file.</summary>
internal sealed class LocalModelsValidator(LocalModelStore store, IOptions<LlmOptions> llm) : IValidateOptions<AnsweringOptions>
{
    public ValidateOptionsResult Validate(string? name, AnsweringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (llm.Value.Provider != LlmProvider.Local)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            store.Get(options);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidDataException e)
        {
            return ValidateOptionsResult.Fail($"Answering:ModelsPath: {e.Message}");
        }
    }
}
