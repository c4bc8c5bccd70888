using ArticleQa.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ArticleBot.Tests;

/// <summary>
/// The clock for hosts whose answers stream from <see cref="FakeOpenAiServer"/>: a fake clock that moves on by the
/// stream interval at every reading, so every streamed word is due to be forwarded however fast or slow the machine
/// is. (That the interval holds updates back is tested on a clock the test moves itself, in StreamingReplyTests.)
/// </summary>
internal static class StreamingClock
{
    public static Action<IServiceCollection> Register() =>
        services => services.AddSingleton<TimeProvider>(new FakeTimeProvider { AutoAdvanceAmount = FakeOpenAiServer.StreamInterval });
}
