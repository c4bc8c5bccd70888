using System.CommandLine;
using ArticleQa;
using Microsoft.Extensions.Options;

namespace ArticleBot.Cli;

/// <summary>The engine without the web host, for command-line verbs: same configuration sources, logs on stderr.</summary>
internal static class EngineHost
{
    public static IHost Build(ParseResult parse, VerbContext context, IReadOnlyDictionary<string, string?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(context);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(CommonOptions.Overrides(parse, context));
        builder.Configuration.AddInMemoryCollection(extra ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);

        // A command's output is its answer; only warnings and errors go to stderr.
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
        builder.Services.AddArticleQa(builder.Configuration);
        var host = builder.Build();
        try
        {
            // Commands never start the host, so its ValidateOnStart checks would not run: run them here, so a wrong
            // setting fails before any work with a message naming the key instead of failing (or being ignored) later.
            host.Services.GetService<IStartupValidator>()?.Validate();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
