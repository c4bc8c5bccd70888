using ArticleBot.Cli;

// No verb means `serve`. Every verb takes --articles DIR and --index DIR.
return await CommandRunner.RunAsync(args);
