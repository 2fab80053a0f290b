using System.Security.Cryptography;
using System.Text;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Intelligence;

namespace ImageVault.Grains.Intelligence;

[GenerateSerializer, Alias("iv.DuplicateGroupsState")]
public sealed class DuplicateGroupsState
{
    /// <summary>Undirected near-duplicate links: image id → other id → similarity.</summary>
    [Id(0)] public Dictionary<string, Dictionary<string, double>> Links { get; set; } = [];
    /// <summary>Pairs ("a|b", a &lt; b) a person reviewed and kept apart.</summary>
    [Id(1)] public HashSet<string> Dismissed { get; set; } = [];
}

/// <inheritdoc cref="IDuplicateGroupsGrain"/>
/// <remarks>Holds links, not images: a tenant's duplicates are a small share of its images.</remarks>
[GrainType("duplicates")]
public sealed class DuplicateGroupsGrain(
    [PersistentState("duplicates", StorageNames.Default)] IPersistentState<DuplicateGroupsState> store) : Grain, IDuplicateGroupsGrain
{
    private Dictionary<string, Dictionary<string, double>> Links => store.State.Links;

    public async Task ReportAsync(string imageId, IReadOnlyList<DuplicateLink> links)
    {
        var changed = Remove(imageId);
        foreach (var link in links.Where(l => l.OtherId != imageId && !store.State.Dismissed.Contains(PairKey(imageId, l.OtherId))))
        {
            Link(imageId, link.OtherId, link.Similarity);
            Link(link.OtherId, imageId, link.Similarity);
            changed = true;
        }
        if (changed) await store.WriteStateAsync();
    }

    public async Task ForgetAsync(string imageId)
    {
        if (Remove(imageId)) await store.WriteStateAsync();
    }

    public Task<IReadOnlyList<DuplicateGroup>> GroupsAsync()
    {
        var seen = new HashSet<string>();
        var groups = new List<DuplicateGroup>();
        foreach (var start in Links.Keys.Order(StringComparer.Ordinal))
        {
            if (!seen.Add(start)) continue;
            var members = new List<string>();
            var minimum = 1.0;
            var queue = new Queue<string>([start]);
            while (queue.TryDequeue(out var id))
            {
                members.Add(id);
                foreach (var (other, similarity) in Links.GetValueOrDefault(id) ?? [])
                {
                    minimum = Math.Min(minimum, similarity);
                    if (seen.Add(other)) queue.Enqueue(other);
                }
            }
            if (members.Count < 2) continue;
            members.Sort(StringComparer.Ordinal);
            groups.Add(new DuplicateGroup(GroupId(members), members, Math.Round(minimum, 4)));
        }
        return Task.FromResult<IReadOnlyList<DuplicateGroup>>(groups);
    }

    public async Task DismissAsync(IReadOnlyList<string> imageIds)
    {
        foreach (var a in imageIds)
            foreach (var b in imageIds.Where(b => string.CompareOrdinal(a, b) < 0))
            {
                store.State.Dismissed.Add(PairKey(a, b));
                Links.GetValueOrDefault(a)?.Remove(b);
                Links.GetValueOrDefault(b)?.Remove(a);
            }
        foreach (var id in imageIds.Where(id => Links.GetValueOrDefault(id)?.Count == 0)) Links.Remove(id);
        await store.WriteStateAsync();
    }

    /// <summary>A group's id names its members, so a resolution refers to exactly the group that was shown.</summary>
    public static string GroupId(IEnumerable<string> sortedMembers) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', sortedMembers))))[..16];

    private void Link(string from, string to, double similarity)
    {
        if (!Links.TryGetValue(from, out var others)) Links[from] = others = [];
        others[to] = similarity;
    }

    private bool Remove(string imageId)
    {
        if (!Links.Remove(imageId, out var others)) return false;
        foreach (var other in others.Keys)
            if (Links.TryGetValue(other, out var back) && back.Remove(imageId) && back.Count == 0) Links.Remove(other);
        return true;
    }

    private static string PairKey(string a, string b) => string.CompareOrdinal(a, b) < 0 ? $"{a}|{b}" : $"{b}|{a}";
}
