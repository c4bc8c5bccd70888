namespace ArticleBot.Hosting;

/// <summary>
/// How the host sits behind a proxy. Where it listens comes from the platform's own settings (ASPNETCORE_URLS,
/// ASPNETCORE_HTTP_PORTS, --urls), never from a pinned key.
/// </summary>
public sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    /// <summary>Honour X-Forwarded-For, -Proto and -Host from the proxies below (loopback is always trusted).</summary>
    public bool ForwardedHeaders { get; set; } = true;

    /// <summary>Comma-separated IP addresses of further trusted proxies.</summary>
    public string KnownProxies { get; set; } = "";

    /// <summary>Comma-separated networks (CIDR, e.g. 10.0.0.0/8) of trusted proxies: a container platform's ingress.</summary>
    public string KnownNetworks { get; set; } = "";
}
