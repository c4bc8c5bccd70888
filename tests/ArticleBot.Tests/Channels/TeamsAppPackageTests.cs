using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json.Nodes;
using ArticleBot.Tests.Cli;

namespace ArticleBot.Tests.Channels;

/// <summary>The <c>teams-package</c> command's zip against the Teams v1.22 manifest rules (https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json).</summary>
public sealed class TeamsAppPackageTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Run_AppIdConfigured_WritesPackageWithManifestAndIcons()
    {
        var botId = Guid.NewGuid();
        var zipPath = Path.Combine(BotHost.TempIndex(), "teams.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(zipPath)!);
        var (exitCode, output, _) = await VerbRunner.RunWithAsync(["teams-package", "--out", zipPath], configuration: new Dictionary<string, string?> { ["MicrosoftAppId"] = botId.ToString() });

        Assert.Equal(0, exitCode);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        Assert.Equal((192, 192), PngSize(zip.GetEntry("color.png")!));
        Assert.Equal((32, 32), PngSize(zip.GetEntry("outline.png")!));
        JsonObject manifest;
        using (var stream = zip.GetEntry("manifest.json")!.Open())
        {
            manifest = JsonNode.Parse(stream)!.AsObject();
        }

        Assert.Equal("1.22", (string?)manifest["manifestVersion"]);
        Assert.EndsWith("/v1.22/MicrosoftTeams.schema.json", (string?)manifest["$schema"], StringComparison.Ordinal);
        var bot = Assert.Single(manifest["bots"]!.AsArray())!;
        Assert.Equal(botId, Guid.Parse((string)bot["botId"]!));
        Assert.True(Guid.TryParse((string?)manifest["id"], out var appId));
        Assert.NotEqual(botId, appId);
        Assert.InRange(((string)manifest["name"]!["short"]!).Length, 1, 30);
        Assert.InRange(((string)manifest["description"]!["short"]!).Length, 1, 80);
        Assert.InRange(((string)manifest["description"]!["full"]!).Length, 1, 4000);
        Assert.Equal("color.png", (string?)manifest["icons"]!["color"]);
        Assert.Equal("outline.png", (string?)manifest["icons"]!["outline"]);
        Assert.DoesNotContain("{{", manifest.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(appId.ToString(), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoAppId_FailsNamingMicrosoftAppId()
    {
        var zipPath = Path.Combine(BotHost.TempIndex(), "teams.zip");

        var (exitCode, _, error) = await VerbRunner.RunWithAsync(["teams-package", "--out", zipPath]);

        Assert.Equal(2, exitCode);
        Assert.Contains("error: MicrosoftAppId is empty", error, StringComparison.Ordinal);
        Assert.False(File.Exists(zipPath));
    }

    [Fact]
    public async Task Run_OutFolderMissing_FailsNamingOutAndTheFolder()
    {
        var folder = Path.Combine(BotHost.TempIndex(), "no-such-folder");
        var zipPath = Path.Combine(folder, "teams.zip");

        var (exitCode, _, error) = await VerbRunner.RunWithAsync(["teams-package", "--out", zipPath], configuration: new Dictionary<string, string?> { ["MicrosoftAppId"] = Guid.NewGuid().ToString() });

        Assert.Equal(2, exitCode);
        Assert.Contains($"error: --out '{zipPath}': the folder {folder} does not exist.", error, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OutIsAFolder_FailsNamingOutAndKeepsTheFolder()
    {
        var folder = BotHost.TempIndex();
        Directory.CreateDirectory(folder);

        var (exitCode, _, error) = await VerbRunner.RunWithAsync(["teams-package", "--out", folder], configuration: new Dictionary<string, string?> { ["MicrosoftAppId"] = Guid.NewGuid().ToString() });

        Assert.Equal(2, exitCode);
        Assert.Contains($"error: --out '{folder}' is a folder", error, StringComparison.Ordinal);
        Assert.True(Directory.Exists(folder));
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    /// <summary>Width and height from the PNG's IHDR chunk (big-endian, right after the signature and chunk header).</summary>
    private static (int Width, int Height) PngSize(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var header = new byte[24];
        stream.ReadExactly(header);
        Assert.Equal(PngSignature, header[..8]);
        Assert.Equal("IHDR"u8.ToArray(), header[12..16]);
        return (BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
    }
}
