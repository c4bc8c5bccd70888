using Microsoft.Extensions.Logging;

namespace ArticleBot.Tests.Fakes;

/// <summary>One entry captured by <see cref="CapturingLoggerProvider"/>.</summary>
internal sealed record CapturedLog(string Category, LogLevel Level, string Message, Exception? Exception);
