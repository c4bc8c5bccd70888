using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArticleBot.Hosting;

/// <summary><c>/healthz</c>: the process answers (no checks). <c>/readyz</c>: the index is loaded and the store answers; 503 otherwise.</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HostingServiceCollectionExtensions.ReadyTag), ResponseWriter = WriteAsync });
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new Dictionary<string, object?> { ["status"] = report.Status == HealthStatus.Healthy ? "ok" : "unavailable" };
        foreach (var (name, entry) in report.Entries)
        {
            body[name] = entry.Description;
            foreach (var (key, value) in entry.Data)
            {
                body[key] = value;
            }
        }

        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), context.RequestAborted);
    }
}
