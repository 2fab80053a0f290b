namespace ImageVault.Contracts;

/// <summary>Outcome of one file of an upload.</summary>
public static class UploadOutcomes
{
    public const string Created = "created";
    public const string Duplicate = "duplicate";
    public const string Refused = "refused";
}

/// <summary>One file's result. <see cref="Id"/> is set for created and duplicate files.</summary>
public sealed record UploadItemDto(string FileName, string Outcome, string? Id, string? ErrorCode, string? ErrorDetail, string? Sha256);

/// <summary>The response of an upload: one item per file, in request order.</summary>
public sealed record UploadResponseDto(IReadOnlyList<UploadItemDto> Items);

/// <summary>Content hashes (SHA-256, lowercase hex) to look up before uploading: skip what the server has.</summary>
public sealed record HashLookupDto(IReadOnlyList<string> Sha256);

/// <summary>The hashes the tenant already holds, each with its image id.</summary>
public sealed record HashLookupResultDto(IReadOnlyDictionary<string, string> Found);
