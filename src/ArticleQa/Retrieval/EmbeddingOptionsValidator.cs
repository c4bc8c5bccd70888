using Microsoft.Extensions.Options;

namespace ArticleQa.Retrieval;

/// <summary>Checks the keys each embedding provider needs, naming the missing one.</summary>
public sealed class EmbeddingOptionsValidator : IValidateOptions<EmbeddingOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = EmbeddingOptions.SectionName;
        var missing = options.Provider switch
        {
            EmbeddingProvider.Local => [],
            EmbeddingProvider.OpenAI => Missing(("Model", options.Model), ("ApiKey", options.ApiKey)),
            EmbeddingProvider.AzureOpenAI => Missing(("Endpoint", options.Endpoint), ("Deployment", options.Deployment), ("ApiKey", options.ApiKey)),
            _ => Missing(("Endpoint", options.Endpoint), ("Model", options.Model)),
        };
        var failures = missing.Select(key => $"{section}:{key} is required when {section}:Provider is {options.Provider}.").ToList();
        if (options.Local.BatchSize < 1)
        {
            failures.Add($"{section}:Local:BatchSize must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string[] Missing(params (string Key, string? Value)[] keys) =>
        keys.Where(k => string.IsNullOrWhiteSpace(k.Value)).Select(k => k.Key).ToArray();
}
