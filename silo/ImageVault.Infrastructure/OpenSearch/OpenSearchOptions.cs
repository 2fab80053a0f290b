using System.ComponentModel.DataAnnotations;

namespace ImageVault.Infrastructure.OpenSearch;

/// <summary>The two engines the JSON search adapter speaks to.</summary>
public enum SearchEngine { OpenSearch, Elasticsearch }

/// <summary>
/// A search cluster for <see cref="OpenSearchImageSearchIndex"/>: OpenSearch 2.x (section
/// <c>ImageVault:OpenSearch</c>, verified live) or Elasticsearch 8/9 (section <c>ImageVault:Elasticsearch</c>,
/// verified only by the exact-request tests so far).
/// </summary>
public sealed class OpenSearchOptions
{
    public const string Section = "ImageVault:OpenSearch";
    public const string ElasticsearchSection = "ImageVault:Elasticsearch";

    public SearchEngine Engine { get; set; } = SearchEngine.OpenSearch;

    [Required, Url] public string Endpoint { get; set; } = "";

    /// <summary>The one index all tenants share (routed and filtered by tenant).</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9_-]{0,100}$")] public string Index { get; set; } = "imagevault-images";

    /// <summary>
    /// How often new writes become searchable. Writes wait for it (refresh=wait_for) so that an
    /// acknowledged change is visible: shorter means snappier edits, longer means cheaper bulk ingest.
    /// </summary>
    [RegularExpression("^[0-9]+(ms|s)$")] public string RefreshInterval { get; set; } = "250ms";

    public string? Username { get; set; }
    public string? Password { get; set; }
}
