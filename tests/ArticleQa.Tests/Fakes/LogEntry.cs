using Microsoft.Extensions.Logging;

namespace ArticleQa.Tests.Fakes;

/// <summary>One entry captured by <see cref="CapturingLogger{T}"/>, with its message already formatted.</summary>
public sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);
