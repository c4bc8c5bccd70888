using ArticleQa.Retrieval;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArticleBot.Hosting;

/// <summary>Ready once start-up has loaded the index; reports its size.</summary>
internal sealed class IndexHealthCheck(StartupState state, ArticleLibrary library) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.IndexLoaded)
        {
            return HealthCheckResult.Unhealthy("The index is still loading.");
        }

        var index = await library.GetIndexAsync(cancellationToken);
        return HealthCheckResult.Healthy(
            $"{index.Articles.Count} articles, {index.PassageCount} passages",
            new Dictionary<string, object> { ["articles"] = index.Articles.Count, ["passages"] = index.PassageCount });
    }
}
