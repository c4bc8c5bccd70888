using ArticleBot.Cli;

namespace ArticleBot.Tests.Cli;

public sealed class CommandLineArgumentsTests
{
    [Fact]
    public void Parse_NoVerb_MeansServe()
    {
        Assert.Equal("serve", CommandLineArguments.Parse([]).Verb);
        Assert.Equal("serve", CommandLineArguments.Parse(["--articles", "x"]).Verb);
    }

    [Fact]
    public void Parse_ArticlesAndIndex_BecomeConfigurationOverrides()
    {
        var parsed = CommandLineArguments.Parse(["ask", "q?", "--articles", "/a", "--index", "/i", "--json"]);

        Assert.Equal("ask", parsed.Verb);
        Assert.Equal(["q?"], parsed.Positional);
        Assert.Equal("/a", parsed.ConfigurationOverrides["Articles:Path"]);
        Assert.Equal("/i", parsed.ConfigurationOverrides["Index:Path"]);
        Assert.True(parsed.Has("--json"));
    }

    [Fact]
    public void Parse_OptionWithoutValue_NamesTheOption()
    {
        var error = Assert.Throws<CommandLineException>(() => CommandLineArguments.Parse(["ask", "q", "--articles"]));

        Assert.Equal("Option --articles needs a value.", error.Message);
    }

    [Fact]
    public void AllowOnly_UnknownOption_NamesIt()
    {
        var parsed = CommandLineArguments.Parse(["ask", "q", "--jsn", "x"]);

        var error = Assert.Throws<CommandLineException>(() => parsed.AllowOnly("--json"));

        Assert.Contains("--jsn", error.Message, StringComparison.Ordinal);
    }
}
