using System.ClientModel;
using ArticleQa.Answering;
using Microsoft.SemanticKernel;
using Polly.Timeout;

namespace ArticleQa.Tests.Answering;

public sealed class ModelFailureTests
{
    public static TheoryData<Exception, bool> Exceptions() => new()
    {
        { new HttpOperationException("500"), true },
        { new HttpRequestException("connection refused"), true },
        { new ClientResultException("429"), true },
        { new TimeoutRejectedException(), true },
        { new KernelException("wrapped", new HttpRequestException("reset")), true },
        { new InvalidOperationException("bug"), false },
        { new ArgumentOutOfRangeException("rank"), false },
        { new FormatException("bad number"), false },
        { new KernelException("template variable missing"), false },
    };

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void IsProviderFailure_Exception_OnlyRemoteFailures(Exception exception, bool expected)
    {
        Assert.Equal(expected, ModelFailure.IsProviderFailure(exception, CancellationToken.None));
    }

    [Fact]
    public void IsProviderFailure_CallerCancelled_IsNotAFailure()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.False(ModelFailure.IsProviderFailure(new TaskCanceledException("cancelled", new HttpRequestException()), cancelled.Token));
    }
}
