using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace ArticleQa.Answering;

/// <summary>
/// The prompt functions read from the prompts folder (<c>Answering:PromptsPath</c>), a Semantic Kernel prompt
/// directory. Semantic Kernel silently skips a folder without skprompt.txt, so the functions the engine needs are
/// checked here and a missing one stops the app at start.
/// </summary>
public sealed class PromptLibrary
{
    public const string PluginName = "ArticleQa";
    public const string AnswerFunction = "Answer";

    private static readonly string[] RequiredFunctions = [AnswerFunction];

    public PromptLibrary(IOptions<AnsweringOptions> options, ILogger<PromptLibrary> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Folder = PathResolver.ResolveExisting(options.Value.PromptsPath);
        Plugin = Load(Folder);
        Hash = HashFolder(Folder);
        logger.LogInformation("Loaded prompts {Functions} from {Folder} (hash {Hash})", string.Join(", ", Plugin.Select(f => f.Name)), Folder, Hash);
    }

    public string Folder { get; }

    public KernelPlugin Plugin { get; }

    /// <summary>Short SHA-256 of every prompt file, recorded with each answer so prompt changes can be compared.</summary>
    public string Hash { get; }

    public KernelFunction this[string name] => Plugin[name];

    internal static KernelPlugin Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"Prompts folder '{folder}' does not exist ({AnsweringOptions.SectionName}:PromptsPath).");
        }

        var plugin = new Kernel().CreatePluginFromPromptDirectory(folder, PluginName);
        foreach (var name in RequiredFunctions.Where(name => !plugin.Contains(name)))
        {
            throw new InvalidOperationException(
                $"Prompt function '{name}' is missing: expected {Path.Combine(folder, name, "skprompt.txt")} and config.json ({AnsweringOptions.SectionName}:PromptsPath).");
        }

        return plugin;
    }

    internal static string HashFolder(string folder)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, file).Replace('\\', '/')));
            sha.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }
}
