using ArticleBot.Tests.Fakes;

namespace ArticleBot.Tests;

/// <summary>A <see cref="BotHost"/> and a <see cref="TeamsConnector"/> shared by tests that each use their own conversation.</summary>
public sealed class TeamsHostFixture : IAsyncLifetime
{
    private BotHost? _host;
    private TeamsConnector? _connector;

    internal BotHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    internal TeamsConnector Connector => _connector ?? throw new InvalidOperationException("The connector has not started.");

    public async ValueTask InitializeAsync()
    {
        _connector = await TeamsConnector.StartAsync();
        _host = await BotHost.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }
    }
}
