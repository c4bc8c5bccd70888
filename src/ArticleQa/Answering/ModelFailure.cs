using System.ClientModel;
using Microsoft.SemanticKernel;
using Polly;

namespace ArticleQa.Answering;

/// <summary>
/// Tells a remote model that failed (after the HTTP pipeline's retries) from a bug. Only the first becomes the short
/// "couldn't reach the language model" apology; anything else, an exception inside the Local model included, goes up
/// to the caller's error handler and its log as what it is.
/// </summary>
internal static class ModelFailure
{
    public static bool IsProviderFailure(Exception exception, CancellationToken cancellationToken)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case OperationCanceledException when cancellationToken.IsCancellationRequested:
                    return false;
                case HttpOperationException or HttpRequestException or ClientResultException or Azure.RequestFailedException:
                case ExecutionRejectedException or TimeoutException:
                    return true;
            }
        }

        return false;
    }
}
