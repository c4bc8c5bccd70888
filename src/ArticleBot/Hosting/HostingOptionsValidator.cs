using System.Net;
using Microsoft.Extensions.Options;

namespace ArticleBot.Hosting;

/// <summary>Every trusted proxy address and network must parse, so a typo fails at start naming the key.</summary>
internal sealed class HostingOptionsValidator : IValidateOptions<HostingOptions>
{
    public ValidateOptionsResult Validate(string? name, HostingOptions options)
    {
        var bad = Split(options.KnownProxies).Where(p => !IPAddress.TryParse(p, out _)).Select(p => $"Hosting:KnownProxies: '{p}' is not an IP address.")
            .Concat(Split(options.KnownNetworks).Where(n => !System.Net.IPNetwork.TryParse(n, out _)).Select(n => $"Hosting:KnownNetworks: '{n}' is not a network like 10.0.0.0/8."))
            .ToList();
        return bad.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(bad);
    }

    public static IEnumerable<string> Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
