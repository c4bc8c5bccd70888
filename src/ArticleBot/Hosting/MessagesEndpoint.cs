using System.Text.Json;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace ArticleBot.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: checks that the body is an activity the adapter can answer (type, channelId,
/// serviceUrl, conversation.id) and answers 400 with a one-line reason when it is not; then hands it to the adapter.
/// </summary>
internal static class MessagesEndpoint
{
    public static async Task HandleAsync(HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        var problem = await ProblemAsync(request.Body, cancellationToken);
        if (problem is not null)
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            await response.WriteAsJsonAsync(new { error = problem }, cancellationToken);
            return;
        }

        request.Body.Position = 0;
        await adapter.ProcessAsync(request, response, bot, cancellationToken);
    }

    /// <summary>Why the body is not an activity the bot can answer, or null when it is.</summary>
    internal static async Task<string?> ProblemAsync(Stream body, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            return $"The body is not JSON: {e.Message.Split('\n')[0]}";
        }

        using (document)
        {
            return Problem(document.RootElement);
        }
    }

    internal static string? Problem(JsonElement activity)
    {
        if (activity.ValueKind != JsonValueKind.Object)
        {
            return "The body is not an activity (a JSON object).";
        }

        if (Text(activity, "type") is null)
        {
            return "The activity has no type.";
        }

        if (Text(activity, "channelId") is null)
        {
            return "The activity has no channelId.";
        }

        if (Text(activity, "serviceUrl") is not { } serviceUrl)
        {
            return "The activity has no serviceUrl.";
        }

        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return $"The activity's serviceUrl '{serviceUrl}' is not an http(s) URL.";
        }

        return activity.TryGetProperty("conversation", out var conversation) && conversation.ValueKind == JsonValueKind.Object && Text(conversation, "id") is not null
            ? null
            : "The activity has no conversation.id.";
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
