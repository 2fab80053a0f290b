namespace ImageVault.Contracts;

/// <summary>What analysis found in an image (null members: not analysed yet).</summary>
public sealed record AnalysisDto(
    string Status, string? Model, IReadOnlyList<string> Colours, IReadOnlyList<PaletteColourDto> Palette,
    string? Text, int TextBoxes, double Sharpness, double Brightness, DateTimeOffset? AnalysedAt, string? ErrorCode);

public sealed record PaletteColourDto(string Hex, double Weight);

public sealed record SimilarHitDto(SearchHitDto Image, double Similarity);

public sealed record SimilarResponseDto(IReadOnlyList<SimilarHitDto> Items);

/// <summary>Cosine similarity and Euclidean distance of the embeddings, SSIM of 64×64 grey thumbnails.</summary>
public sealed record ComparisonDto(string A, string B, double Cosine, double Euclidean, double Ssim);

/// <summary>Text read from an image; word corners (x0,y0 … x3,y3) are pixels of a <see cref="Width"/>×<see cref="Height"/> rendering (the large thumbnail).</summary>
public sealed record ImageTextDto(string Text, int Width, int Height, IReadOnlyList<OcrWordDto> Words);

public sealed record OcrWordDto(string Text, double Confidence, IReadOnlyList<float> Quad);

public sealed record TagSuggestionDto(string Tag, double Confidence, int Neighbours);

public sealed record TagSuggestionsDto(IReadOnlyList<TagSuggestionDto> Items);

public sealed record SuggestionDecisionDto(IReadOnlyList<string>? Accept, IReadOnlyList<string>? Reject);

/// <summary>Tag the image and every image at least <see cref="MinSimilarity"/> like it (default 0.8), up to <see cref="Limit"/> (default 100).</summary>
public sealed record TagSimilarDto(string Tag, double? MinSimilarity, int? Limit);

public sealed record TagSimilarResultDto(IReadOnlyList<string> Tagged);

public sealed record DuplicateGroupDto(string Id, IReadOnlyList<string> ImageIds, double MinSimilarity, IReadOnlyList<string> Thumbnails);

public sealed record DuplicateGroupsDto(IReadOnlyList<DuplicateGroupDto> Groups);

/// <summary>Keep one image; "trash" or "stack" the rest (merging their tags, albums, rating, location when <see cref="Merge"/>), or "dismiss" the group.</summary>
public sealed record DuplicateResolutionDto(string Action, string? Keep, bool? Merge);

public sealed record AnalysisJobDto(
    string? JobId, string? Reason, string? Model, bool Running, long Dispatched, DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedDispatchAt, IReadOnlyDictionary<string, long> ImagesByAnalysis, IReadOnlyDictionary<string, long> ImagesByStage);
