using System.Text;

namespace ArticleQa.Tests.Articles;

/// <summary>A fresh folder under the system temp folder, deleted again on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("articleqa-tests-").FullName;
    }

    public string Path { get; }

    /// <summary>The full path of <paramref name="relativePath"/> inside the folder, its parent folders created.</summary>
    public string File(string relativePath)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        return path;
    }

    public string Write(string relativePath, string text)
    {
        var path = File(relativePath);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    public string Write(string relativePath, byte[] bytes)
    {
        var path = File(relativePath);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test.
        }
    }
}
