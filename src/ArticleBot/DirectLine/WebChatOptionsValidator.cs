using ArticleBot.Channels;
using Microsoft.Extensions.Options;

namespace ArticleBot.DirectLine;

/// <summary>Refuses to start with the web chat switched on outside Development and nothing protecting it.</summary>
internal sealed class WebChatOptionsValidator(IHostEnvironment environment) : IValidateOptions<ChannelsOptions>
{
    public ValidateOptionsResult Validate(string? name, ChannelsOptions options) =>
        options.WebChatEnabled == true && !environment.IsDevelopment() && string.IsNullOrEmpty(options.WebChatSecret)
            ? ValidateOptionsResult.Fail(
                $"Channels:WebChatSecret must be set when Channels:WebChatEnabled is true outside Development ({environment.EnvironmentName}): "
                + "clients present it to open Direct Line conversations (POST /v3/directline/tokens/generate or /conversations).")
            : ValidateOptionsResult.Success;
}
