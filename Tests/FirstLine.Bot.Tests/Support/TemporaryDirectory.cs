namespace FirstLine.Bot.Tests.Support;

/// <summary>A fresh directory under the system temp folder, deleted with its contents on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory(string prefix)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a browser that is still shutting down may hold a file for a moment.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
