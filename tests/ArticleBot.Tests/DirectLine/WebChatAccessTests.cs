using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ArticleBot.Tests.DirectLine;

/// <summary>When the local web chat is served, and who may open conversations.</summary>
public sealed class WebChatAccessTests
{
    private const string Secret = "test-webchat-secret";

    private static readonly (HttpMethod Method, string Path)[] Endpoints =
    [
        (HttpMethod.Get, "/"),
        (HttpMethod.Get, "/webchat/webchat.js"),
        (HttpMethod.Post, "/webchat/token"),
        (HttpMethod.Post, "/v3/directline/tokens/generate"),
        (HttpMethod.Post, "/v3/directline/tokens/refresh"),
        (HttpMethod.Post, "/v3/directline/conversations"),
        (HttpMethod.Get, "/v3/directline/conversations/c1/activities?watermark="),
        (HttpMethod.Post, "/v3/conversations/c1/activities"),
    ];

    [Fact]
    public async Task GetRoot_Development_ServesPageAndTheWebChatBundleFromNpm()
    {
        await using var host = await DirectLineHost.StartAsync();

        using var page = await host.Client.GetAsync("/", TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var bundle = await host.Client.GetAsync("/webchat/webchat.js", TestContext.Current.CancellationToken);
        var script = await bundle.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script src=\"webchat/webchat.js\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("location.origin + '/v3/directline'", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("text/javascript", bundle.Content.Headers.ContentType?.MediaType);
        Assert.True(script.Length > 1_000_000, $"webchat.js is only {script.Length} characters");
        Assert.Contains("renderWebChat", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoints_ProductionByDefault_Return404()
    {
        await using var host = await DirectLineHost.StartAsync("Production");

        foreach (var (method, path) in Endpoints)
        {
            using var response = await host.Client.SendAsync(new HttpRequestMessage(method, path), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Endpoints_DevelopmentButDisabled_Return404()
    {
        await using var host = await DirectLineHost.StartAsync(settings: new Dictionary<string, string?> { ["Channels:WebChatEnabled"] = "false" });

        using var response = await host.Client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StartConversation_EnabledOutsideDevelopment_RequiresTheSecret()
    {
        await using var host = await DirectLineHost.StartAsync("Production", new Dictionary<string, string?>
        {
            ["Channels:WebChatEnabled"] = "true",
            ["Channels:WebChatSecret"] = Secret,
        });

        using var page = await host.Client.GetAsync("/", TestContext.Current.CancellationToken);
        using var pageToken = await host.Client.PostAsync("/webchat/token", null, TestContext.Current.CancellationToken);
        using var anonymous = await new DirectLineTestClient(host.Client, "").StartAsync();
        using var wrong = await new DirectLineTestClient(host.Client, "not-the-secret").StartAsync();
        using var withSecret = await new DirectLineTestClient(host.Client, Secret).StartAsync();
        using var generated = await PostWithBearerAsync(host.Client, "/v3/directline/tokens/generate", Secret);
        var token = (string)(await generated.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["token"]!;
        using var withToken = await new DirectLineTestClient(host.Client, token).StartAsync();
        using var generateWrong = await PostWithBearerAsync(host.Client, "/v3/directline/tokens/generate", "not-the-secret");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pageToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Created, withSecret.StatusCode);
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        Assert.Equal(HttpStatusCode.Created, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, generateWrong.StatusCode);
    }

    [Fact]
    public void Build_EnabledOutsideDevelopmentWithoutSecret_FailsNamingTheKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            DirectLineHost.Build("Production", new Dictionary<string, string?> { ["Channels:WebChatEnabled"] = "true" }, Path.GetTempPath()));

        Assert.Contains("Channels:WebChatSecret", error.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostWithBearerAsync(HttpClient client, string path, string bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
