using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace ArticleQa.Answering;

/// <summary>
/// The prompt functions read from the prompts folder (<c>Answering:PromptsPath</c>), a Semantic Kernel prompt
/// directory. Semantic Kernel silently skips a folder without skprompt.txt, so the functions the engine needs are
/// checked here: at start a missing or broken one stops the app; while serving, a change is re-read and a broken file
/// keeps the last good prompts in use (logged with the reason).
/// </summary>
public sealed class PromptLibrary : IDisposable
{
    public const string PluginName = "ArticleQa";
    public const string AnswerFunction = "Answer";
    public const string CondenseFunction = "Condense";

    private static readonly string[] RequiredFunctions = [AnswerFunction, CondenseFunction];

    /// <summary>Variables a prompt must show the model; a template without them (or with them mistyped) is broken.</summary>
    private static readonly (string Function, string[] Variables)[] RequiredVariables =
    [
        (AnswerFunction, ["sources", "question"]),
        (CondenseFunction, ["history", "question"]),
    ];

    private readonly ILogger<PromptLibrary> _logger;
    private readonly TimeProvider _time;
    private FileSystemWatcher? _watcher;
    private ITimer? _timer;

    public PromptLibrary(IOptions<AnsweringOptions> options, ILogger<PromptLibrary> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _time = time ?? TimeProvider.System;
        Folder = PathResolver.ResolveExisting(options.Value.PromptsPath);
        Current = Load(Folder);
        logger.LogInformation("Loaded prompts {Functions} from {Folder} (hash {Hash})", string.Join(", ", Current.Plugin.Select(f => f.Name)), Folder, Current.Hash);
    }

    /// <summary>Quiet time after the last file change before the prompts are re-read (an editor saves in bursts).</summary>
    public static TimeSpan Debounce { get; } = TimeSpan.FromMilliseconds(300);

    public string Folder { get; }

    /// <summary>The prompts in use: read one snapshot per answer so function and hash match.</summary>
    public PromptSet Current { get; private set; }

    public string Hash => Current.Hash;

    public KernelFunction this[string name] => Current[name];

    /// <summary>Re-reads the prompt folder; on failure keeps the last good prompts and returns false.</summary>
    public bool Reload()
    {
        try
        {
            var next = Load(Folder);
            if (next.Hash != Current.Hash)
            {
                Current = next;
                _logger.LogInformation("Reloaded prompts from {Folder} (hash {Hash})", Folder, next.Hash);
            }

            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or KernelException or IOException or System.Text.Json.JsonException or ArgumentException)
        {
            _logger.LogWarning("Prompt files in {Folder} are broken, keeping the last good prompts ({Hash}): {Reason}", Folder, Current.Hash, e.Message);
            return false;
        }
    }

    /// <summary>Raised after a file change has (re)started the debounce: tests move their clock on this signal.</summary>
    internal event EventHandler? ChangeNoticed;

    /// <summary>Re-reads the prompts <see cref="Debounce"/> after the last change of any file in the folder (on the injected clock).</summary>
    public void StartWatching()
    {
        if (_watcher is not null)
        {
            return;
        }

        var timer = _time.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer = timer;
        _watcher = new FileSystemWatcher(Folder) { IncludeSubdirectories = true };
        _watcher.Changed += (_, _) => OnChanged(timer);
        _watcher.Created += (_, _) => OnChanged(timer);
        _watcher.Deleted += (_, _) => OnChanged(timer);
        _watcher.Renamed += (_, _) => OnChanged(timer);
        _watcher.EnableRaisingEvents = true;
    }

    private void OnChanged(ITimer timer)
    {
        timer.Change(Debounce, Timeout.InfiniteTimeSpan);
        ChangeNoticed?.Invoke(this, EventArgs.Empty);
    }

    internal static PromptSet Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"Prompts folder '{folder}' does not exist ({AnsweringOptions.SectionName}:PromptsPath).");
        }

        var hash = HashFolder(folder);
        var plugin = new Kernel().CreatePluginFromPromptDirectory(folder, PluginName);
        foreach (var name in RequiredFunctions.Where(name => !plugin.Contains(name)))
        {
            throw new InvalidOperationException(
                $"Prompt function '{name}' is missing: expected {Path.Combine(folder, name, "skprompt.txt")} and config.json ({AnsweringOptions.SectionName}:PromptsPath).");
        }

        foreach (var (function, variables) in RequiredVariables)
        {
            var template = File.ReadAllText(Path.Combine(folder, function, "skprompt.txt"));
            var missing = variables.FirstOrDefault(v => !Regex.IsMatch(template, $@"\{{\{{\s*\${v}\s*\}}\}}"));
            if (missing is not null)
            {
                throw new InvalidOperationException($"Prompt function '{function}' never shows the model {{{{${missing}}}}} ({Path.Combine(folder, function, "skprompt.txt")}).");
            }
        }

        return new PromptSet(plugin, hash);
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

    public void Dispose()
    {
        _watcher?.Dispose();
        _timer?.Dispose();
    }
}
