using ArticleBot.Channels;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace ArticleBot.ArticlePages;

/// <summary>
/// The bot's public address, for absolute links to its article pages: <c>Channels:PublicBaseUrl</c> when set, else the
/// address of the request the activity came in on (through a dev tunnel or proxy: its X-Forwarded-Proto/-Host). Turns
/// of the local Direct Line run after the client's request, so it notes that request's address on the activity.
/// </summary>
public sealed class PublicBase(IHttpContextAccessor http, IOptions<ChannelsOptions> options)
{
    /// <summary>Where the local Direct Line notes the page's public address in a client activity's channelData.</summary>
    public const string ChannelDataKey = "articlebot:publicBase";

    public Uri? For(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (Uri.TryCreate(options.Value.PublicBaseUrl, UriKind.Absolute, out var configured))
        {
            return WithSlash(configured);
        }

        var request = http.HttpContext?.Request;
        if (request is not null && request.Path.StartsWithSegments("/api/messages", StringComparison.OrdinalIgnoreCase))
        {
            return Of(request);
        }

        return (activity.ChannelData as JObject)?[ChannelDataKey]?.Value<string>() is { } noted && Uri.TryCreate(noted, UriKind.Absolute, out var uri)
            ? WithSlash(uri)
            : null;
    }

    /// <summary>The public base address of <paramref name="request"/>, ending in a slash.</summary>
    public static Uri Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scheme = First(request.Headers["X-Forwarded-Proto"]) ?? request.Scheme;
        var host = First(request.Headers["X-Forwarded-Host"]) ?? request.Host.Value;
        return Uri.TryCreate($"{scheme}://{host}{request.PathBase}", UriKind.Absolute, out var forwarded) && forwarded.Scheme is "http" or "https"
            ? WithSlash(forwarded)
            : WithSlash(new Uri($"{request.Scheme}://{request.Host.Value}{request.PathBase}"));
    }

    private static string? First(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count == 0 ? null : values[0]?.Split(',')[0].Trim() is { Length: > 0 } first ? first : null;

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
