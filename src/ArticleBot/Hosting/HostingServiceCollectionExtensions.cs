using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ArticleBot.Hosting;

/// <summary>Hosting conventions: forwarded headers from trusted proxies, liveness and readiness checks.</summary>
public static class HostingServiceCollectionExtensions
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddHosting(this IServiceCollection services)
    {
        services.AddOptions<HostingOptions>().BindConfiguration(HostingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<HostingOptions>, HostingOptionsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HostingOptions>>((forwarded, hosting) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in HostingOptionsValidator.Split(hosting.Value.KnownProxies))
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in HostingOptionsValidator.Split(hosting.Value.KnownNetworks))
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddSingleton<StartupState>();
        services.AddHealthChecks()
            .AddCheck<IndexHealthCheck>("index", tags: [ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// Forwarded headers first (scheme, host and client address as the proxy saw them); outside Development an
    /// unhandled error is a 500 with a one-line body, never a stack trace.
    /// </summary>
    public static WebApplication UseHosting(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<HostingOptions>>().Value.ForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(error => error.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return context.Response.WriteAsJsonAsync(new { error = "The bot could not handle the request; the details are in its log." }, context.RequestAborted);
            }));
        }

        return app;
    }
}
