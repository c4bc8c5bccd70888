using Microsoft.Extensions.Options;

namespace ArticleQa.Answering;

/// <summary>Checks the keys each provider needs, naming the missing or wrong key.</summary>
public sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var provider = options.Provider;
        switch (provider)
        {
            case LlmProvider.OpenAI:
                Require(options.Model, "Model");
                Require(options.ApiKey, "ApiKey");
                break;
            case LlmProvider.AzureOpenAI:
                RequireUrl(options.Endpoint, "Endpoint");
                Require(options.Deployment, "Deployment");
                Require(options.ApiKey, "ApiKey");
                break;
            case LlmProvider.OpenAICompatible:
                RequireUrl(options.Endpoint, "Endpoint");
                Require(options.Model, "Model");
                break;
            case LlmProvider.Local:
                break;
            default:
                failures.Add($"{LlmOptions.SectionName}:Provider '{provider}' is not one of {string.Join(", ", Enum.GetNames<LlmProvider>())}.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Require(string? value, string key)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{LlmOptions.SectionName}:{key} is required when {LlmOptions.SectionName}:Provider is {provider}.");
            }
        }

        void RequireUrl(string? value, string key)
        {
            Require(value, key);
            if (!string.IsNullOrWhiteSpace(value) && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                failures.Add($"{LlmOptions.SectionName}:{key} '{value}' is not an absolute http(s) URL.");
            }
        }
    }
}
