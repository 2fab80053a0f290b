using ImageVault.Contracts;
using Microsoft.AspNetCore.Diagnostics;

namespace ImageVault.Silo.Api;

/// <summary>
/// The last line for exceptions that reach the HTTP edge: a bad request stays a 400, a transient failure
/// of the cluster or of a dependency (a silo just died, the database or object store is away) is a 503
/// with Retry-After that a client can retry (with its Idempotency-Key), anything else a 500. Always a
/// problem with a stable code; details stay in the log.
/// </summary>
public static class ExceptionMapping
{
    public static async Task HandleAsync(HttpContext http)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        IResult result;
        if (error is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }) result = Problems.Of(ErrorCodes.TooLarge, "the request body is too large");
        else if (error is BadHttpRequestException) result = Problems.Invalid("the request could not be read");
        else if (IsTransient(error))
        {
            http.Response.Headers.RetryAfter = "2";
            result = Problems.Of(ErrorCodes.Unavailable, "part of the service is briefly unavailable; retry shortly");
        }
        else result = Problems.Of(ErrorCodes.Internal, "an unexpected error occurred");
        await result.ExecuteAsync(http);
    }

    private static bool IsTransient(Exception? e) => e switch
    {
        null => false,
        SiloUnavailableException or OrleansMessageRejectionException or TimeoutException => true,
        IOException or Npgsql.NpgsqlException or HttpRequestException => true, // blob store, index, database
        AggregateException a => a.InnerExceptions.Any(IsTransient),
        _ => IsTransient(e.InnerException),
    };
}
