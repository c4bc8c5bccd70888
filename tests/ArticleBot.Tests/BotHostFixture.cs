namespace ArticleBot.Tests;

/// <summary>One <see cref="BotHost"/> shared by the tests of a class whose turns do not affect each other.</summary>
public sealed class BotHostFixture : IAsyncLifetime
{
    private BotHost? _host;

    internal BotHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async ValueTask InitializeAsync() => _host = await BotHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
