using ArticleBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArticleBot.Hosting;

/// <summary>Ready when the configured store (memory, folder or database) answers.</summary>
internal sealed class StorageHealthCheck(StorageProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problem = await probe.ProblemAsync(cancellationToken);
        return problem is null ? HealthCheckResult.Healthy(probe.Description) : HealthCheckResult.Unhealthy($"{probe.Description}: {problem}");
    }
}
