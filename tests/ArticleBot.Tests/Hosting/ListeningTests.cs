using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ArticleBot.Cli;

namespace ArticleBot.Tests.Hosting;

/// <summary>The built bot listens where the hosting platform says (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, --urls).</summary>
public sealed class ListeningTests
{
    [Fact]
    public async Task Start_AspNetCoreUrls_ListensThere()
    {
        var port = FreePort();
        await AssertListensAsync(port, [], new() { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });
    }

    [Fact]
    public async Task Start_AspNetCoreHttpPorts_ListensThere()
    {
        var port = FreePort();
        await AssertListensAsync(port, [], new() { ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    [Fact]
    public async Task Start_UrlsArgument_ListensThere()
    {
        var port = FreePort();
        await AssertListensAsync(port, ["--urls", $"http://127.0.0.1:{port}"], []);
    }

    [Fact]
    public async Task Serve_PortInUse_FailsWithOneLine()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var error = new StringWriter();

        var exitCode = await ServeHost.RunAsync(["--urls", $"http://127.0.0.1:{port}"], HostingTests.BotHostSettings(), TextWriter.Null, error, TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: cannot listen:", line, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_MalformedUrl_FailsWithOneLineNamingItAndWhereToSetIt()
    {
        using var error = new StringWriter();

        var exitCode = await ServeHost.RunAsync(["--urls", "notaurl"], HostingTests.BotHostSettings(), TextWriter.Null, error, TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: cannot listen:", line, StringComparison.Ordinal);
        Assert.Contains("'notaurl'", line, StringComparison.Ordinal);
        Assert.Contains("--urls", line, StringComparison.Ordinal);
    }

    private static async Task AssertListensAsync(int port, string[] args, Dictionary<string, string> environment)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ArticleBot.dll");
        // Both streams are read as they come, so a full pipe never blocks the bot's logging.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in HostingTests.BotHostSettings())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            Assert.True(await AnswersAsync(client, process), $"The bot did not answer on port {port}: {string.Join('\n', log)}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Polls /healthz until it answers or the process ends (bounded: two minutes of 100 ms tries).</summary>
    private static async Task<bool> AnswersAsync(HttpClient client, Process process)
    {
        for (var attempt = 0; attempt < 1200 && !process.HasExited; attempt++)
        {
            try
            {
                using var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
