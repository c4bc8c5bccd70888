using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ArticleBot.DirectLine;

/// <summary>
/// The serviceUrl stamped on local Direct Line activities: this app itself, at an address it listens on (http
/// preferred, wildcard hosts as loopback). The bot's replies do not go there: its connector for these conversations
/// writes to the store in process (<see cref="DirectLineConnectorFactory"/>).
/// </summary>
public sealed class DirectLineServiceUrl(IServer server)
{
    private static readonly string[] WildcardHosts = ["+", "*", "0.0.0.0", "[::]"];

    public string For(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (address is null)
        {
            return $"{request.Scheme}://{request.Host}{request.PathBase}/";
        }

        var hostStart = address.IndexOf("://", StringComparison.Ordinal) + 3;
        var portStart = address.LastIndexOf(':');
        var host = portStart > hostStart ? address[hostStart..portStart] : address[hostStart..];
        var loopback = WildcardHosts.Contains(host) ? string.Concat(address.AsSpan(0, hostStart), "127.0.0.1", address.AsSpan(hostStart + host.Length)) : address;
        return loopback.TrimEnd('/') + "/";
    }
}
