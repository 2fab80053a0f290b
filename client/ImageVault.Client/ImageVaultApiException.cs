using System.Net;

namespace ImageVault.Client;

/// <summary>
/// The API refused a request: the HTTP status, the stable error <see cref="Code"/> (see
/// <c>ImageVault.Contracts.ErrorCodes</c>) and the problem's detail. Subclasses name the common cases.
/// </summary>
public class ImageVaultApiException : Exception
{
    /// <summary>Creates the exception for one refused request.</summary>
    public ImageVaultApiException(HttpStatusCode status, string? code, string? detail)
        : base($"{(int)status} {code ?? status.ToString()}: {detail}") => (Status, Code, Detail) = (status, code, detail);

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The stable machine-readable error code, when the answer was a problem document.</summary>
    public string? Code { get; }

    /// <summary>The human-readable explanation the server gave.</summary>
    public string? Detail { get; }
}

/// <summary>404: the resource does not exist, or belongs to another tenant.</summary>
public sealed class ImageVaultNotFoundException(string? code, string? detail) : ImageVaultApiException(HttpStatusCode.NotFound, code, detail);

/// <summary>401: no credential, or one that expired or was revoked.</summary>
public sealed class ImageVaultUnauthorizedException(string? code, string? detail) : ImageVaultApiException(HttpStatusCode.Unauthorized, code, detail);

/// <summary>403: signed in, but the role, the key's scopes or a quota do not allow this.</summary>
public sealed class ImageVaultForbiddenException(string? code, string? detail) : ImageVaultApiException(HttpStatusCode.Forbidden, code, detail);

/// <summary>429: too many requests; retry after <see cref="RetryAfter"/>.</summary>
public sealed class ImageVaultRateLimitedException(string? code, string? detail, TimeSpan? retryAfter)
    : ImageVaultApiException(HttpStatusCode.TooManyRequests, code, detail)
{
    /// <summary>How long the server asked to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
