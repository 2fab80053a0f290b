namespace ImageVault.Contracts;

/// <summary>
/// Stable machine-readable error codes carried in RFC 9457 problem details (<c>code</c> extension).
/// Never rename a value: clients branch on them.
/// </summary>
public static class ErrorCodes
{
    public const string UnsupportedFormat = "image.unsupported_format";
    public const string CorruptImage = "image.corrupt";
    public const string TooManyPixels = "image.too_many_pixels";
    public const string TooLarge = "upload.too_large";
    public const string EmptyUpload = "upload.empty";
    public const string NoFiles = "upload.no_files";
    public const string TooManyFiles = "upload.too_many_files";
    public const string BadMultipart = "upload.bad_multipart";
    public const string IdempotencyKeyInvalid = "upload.idempotency_key_invalid";
    public const string IdempotencyKeyReused = "upload.idempotency_key_reused";
    public const string ProcessingTimeout = "image.processing_timeout";
    public const string ProcessingCrashed = "image.processing_crashed";
    public const string ProcessingFailed = "image.processing_failed";
    public const string MemoryBudgetExceeded = "image.memory_budget_exceeded";
    /// <summary>The format is recognised but this build has no decoder for its pixels (HEVC-coded HEIC).</summary>
    public const string DecoderUnavailable = "image.decoder_unavailable";
    public const string NotFound = "resource.not_found";
    public const string InvalidRequest = "request.invalid";
    public const string InvalidCursor = "search.invalid_cursor";
    public const string InvalidQuery = "search.invalid_query";
    public const string AlbumCycle = "album.cycle";
    public const string Conflict = "request.conflict";
    public const string Internal = "server.internal";
    /// <summary>A dependency or part of the cluster is briefly unavailable: retry after the Retry-After delay.</summary>
    public const string Unavailable = "service.unavailable";
    /// <summary>The image exists but its analysis (embedding, OCR) is not done yet, or failed.</summary>
    public const string NotAnalysed = "image.not_analysed";

    /// <summary>The route needs a signed-in caller and none (or no valid credential) came with the request.</summary>
    public const string Unauthenticated = "auth.unauthenticated";
    public const string InvalidCredentials = "auth.invalid_credentials";
    public const string CredentialsExpired = "auth.credentials_expired";
    public const string CredentialsRevoked = "auth.credentials_revoked";
    /// <summary>Signed in, but the role or the key's scopes do not allow this route.</summary>
    public const string Forbidden = "auth.forbidden";
    /// <summary>A cookie-authenticated change came without the <c>X-ImageVault-Csrf</c> header.</summary>
    public const string CsrfHeaderMissing = "auth.csrf_header_missing";
    public const string WeakPassword = "auth.weak_password";
    public const string TenantSuspended = "tenant.suspended";
    public const string TenantExists = "tenant.exists";
    public const string UserNameTaken = "user.name_taken";
    public const string QuotaImages = "quota.images";
    public const string QuotaBytes = "quota.bytes";
    /// <summary>Too many requests (or uploads) in a short time: retry after the Retry-After delay.</summary>
    public const string RateLimited = "rate.limited";
    public const string SharePasswordRequired = "share.password_required";
    public const string SharePasswordWrong = "share.password_wrong";
    public const string ShareExpired = "share.expired";
    public const string ShareForbidden = "share.forbidden";
    /// <summary>The OpenID Connect sign-in failed (provider unreachable, state or token invalid).</summary>
    public const string OidcFailed = "auth.oidc_failed";
}
