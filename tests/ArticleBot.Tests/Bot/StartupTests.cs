using Microsoft.Extensions.Options;

namespace ArticleBot.Tests.Bot;

public sealed class StartupTests
{
    [Fact]
    public async Task Start_WrongProviderValue_StopsNamingTheKey()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotHost.StartAsync(new Dictionary<string, string?> { ["Llm:Provider"] = "Gpt5000" }));

        Assert.Contains("Llm:Provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OutOfRangeTopK_StopsNamingTheKey()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(new Dictionary<string, string?> { ["Retrieval:TopK"] = "0" }));

        Assert.Contains("TopK", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PromptFunctionMissing_StopsWithClearMessage()
    {
        var prompts = Directory.CreateTempSubdirectory("prompts-");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BotHost.StartAsync(new Dictionary<string, string?> { ["Answering:PromptsPath"] = prompts.FullName }));

        Assert.Contains("Prompt function 'Answer' is missing", error.Message, StringComparison.Ordinal);
    }
}
