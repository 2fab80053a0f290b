using ImageVault.Grains.Abstractions.Albums;

namespace ImageVault.Grains.Albums;

[GenerateSerializer, Alias("iv.AlbumTreeState")]
public sealed class AlbumTreeState
{
    [Id(0)] public int SchemaVersion { get; set; } = 1;
    [Id(1)] public Dictionary<string, AlbumNode> Nodes { get; set; } = [];
}

/// <inheritdoc cref="IAlbumTreeGrain"/>
/// <remarks>Holds names and parents only (tens of bytes an album), never members.</remarks>
[GrainType("albumtree")]
public sealed class AlbumTreeGrain(
    [PersistentState("albumtree", StorageNames.Default)] IPersistentState<AlbumTreeState> store) : Grain, IAlbumTreeGrain
{
    private Dictionary<string, AlbumNode> Nodes => store.State.Nodes;

    public Task<IReadOnlyList<AlbumNode>> ListAsync() =>
        Task.FromResult<IReadOnlyList<AlbumNode>>(Nodes.Values.OrderBy(n => n.Name, StringComparer.CurrentCultureIgnoreCase).ToArray());

    public async Task UpsertAsync(AlbumNode node)
    {
        if (Nodes.TryGetValue(node.Id, out var current) && current == node) return;
        Nodes[node.Id] = node;
        await store.WriteStateAsync();
    }

    public async Task<IReadOnlyList<string>> RemoveAsync(string albumId)
    {
        var children = Nodes.Values.Where(n => n.ParentId == albumId).Select(n => n.Id).ToArray();
        if (Nodes.Remove(albumId)) await store.WriteStateAsync();
        return children;
    }

    public Task<bool> ContainsAsync(string albumId) => Task.FromResult(Nodes.ContainsKey(albumId));

    public Task<bool> WouldCycleAsync(string albumId, string newParentId)
    {
        // Walk up from the new parent; meeting the album itself means it would become its own ancestor.
        var seen = new HashSet<string>();
        for (var at = newParentId; at is not null && seen.Add(at); at = Nodes.GetValueOrDefault(at)?.ParentId)
            if (at == albumId) return Task.FromResult(true);
        return Task.FromResult(false);
    }
}
