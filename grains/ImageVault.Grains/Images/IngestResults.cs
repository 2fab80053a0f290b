using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Abstractions.Pipeline;

namespace ImageVault.Grains.Images;

/// <summary>Folds an ingest outcome into image state: dimensions, metadata, thumbnails, file keywords as tags, the visual analysis.</summary>
public static class IngestResults
{
    public static void Apply(ImageState s, IngestOutcome o)
    {
        s.Width = o.Width ?? s.Width;
        s.Height = o.Height ?? s.Height;
        s.Pages = o.Pages;
        s.Metadata = o.Metadata ?? s.Metadata;
        s.Thumbnails = o.Thumbnails;
        s.Placeholder = o.Placeholder;
        s.ErrorCode = o.ErrorCode;
        s.ErrorDetail = o.ErrorDetail;
        s.Stage = o.ErrorCode is null ? PipelineStage.Ready : PipelineStage.Failed;
        if (o.Metadata is { Keywords.Count: > 0 } m)
            ImageRules.ApplyTags(s.Tags, new SetChange(m.Keywords, []), ImageTag.FromFile);
        if (o.Analysis is { } analysis)
        {
            s.Analysis = analysis;
            Intelligence.TechnicalTags.Apply(s, analysis);
        }
    }
}
