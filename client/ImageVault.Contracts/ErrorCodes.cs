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
}
