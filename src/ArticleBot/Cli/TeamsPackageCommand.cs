using System.CommandLine;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace ArticleBot.Cli;

/// <summary>
/// <c>teams-package [--out FILE]</c>: writes the Teams app zip (manifest.json at the root, the two icons) with the
/// bot's app id from configuration (<c>MicrosoftAppId</c>). The Teams app id is <c>Channels:TeamsAppId</c>, or derived
/// from the bot id so that every package of the same bot updates the same app.
/// </summary>
internal sealed class TeamsPackageCommand : Verb
{
    public override Command Create(VerbContext context)
    {
        var command = new Command("teams-package", "Write the Teams app zip (manifest and icons) for the bot's MicrosoftAppId.");
        var outPath = VerbOptions.Text("--out", "FILE", "Where to write the zip.");
        outPath.DefaultValueFactory = _ => "articlebot-teams.zip";
        command.Add(outPath);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, context, parse.GetValue(outPath)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, VerbContext context, string outPath, CancellationToken cancellationToken)
    {
        using var host = EngineHost.Build(parse, context);
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        var botId = configuration["MicrosoftAppId"];
        if (!Guid.TryParse(botId, out var bot))
        {
            throw new CommandLineException(string.IsNullOrEmpty(botId)
                ? "MicrosoftAppId is empty: set the bot's app registration id (user-secrets or MicrosoftAppId environment variable) first."
                : $"MicrosoftAppId '{botId}' is not a GUID.");
        }

        var appId = configuration["Channels:TeamsAppId"] is { Length: > 0 } configured
            ? Guid.TryParse(configured, out var id) ? id : throw new CommandLineException($"Channels:TeamsAppId '{configured}' is not a GUID.")
            : DerivedAppId(bot);
        var path = Path.GetFullPath(outPath);
        if (Directory.Exists(path))
        {
            throw new CommandLineException($"--out '{outPath}' is a folder: give the zip's file name, e.g. {Path.Combine(outPath, "articlebot-teams.zip")}.");
        }

        if (Path.GetDirectoryName(path) is { } parent && !Directory.Exists(parent))
        {
            throw new CommandLineException($"--out '{outPath}': the folder {parent} does not exist.");
        }

        try
        {
            await WriteAsync(path, bot, appId, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException($"--out '{outPath}': cannot write {path}: {e.Message}");
        }

        await context.Out.WriteLineAsync($"Wrote {path} (Teams app {appId}, bot {bot}). Upload it in Teams: Apps > Manage your apps > Upload an app.");
        return 0;
    }

    internal static async Task WriteAsync(string path, Guid botId, Guid appId, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TeamsApp");
        var manifest = (await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json"), cancellationToken))
            .Replace("{{BOT_ID}}", botId.ToString(), StringComparison.Ordinal)
            .Replace("{{TEAMS_APP_ID}}", appId.ToString(), StringComparison.Ordinal);
        var temporary = path + ".tmp";
        try
        {
            using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
            {
                await using (var entry = zip.CreateEntry("manifest.json").Open())
                {
                    await entry.WriteAsync(Encoding.UTF8.GetBytes(manifest), cancellationToken);
                }

                zip.CreateEntryFromFile(Path.Combine(folder, "color.png"), "color.png");
                zip.CreateEntryFromFile(Path.Combine(folder, "outline.png"), "outline.png");
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>A stable GUID derived from the bot id (same bot, same Teams app).</summary>
    internal static Guid DerivedAppId(Guid botId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("articlebot-teams-app:" + botId));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }
}
