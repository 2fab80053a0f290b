using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Abstractions.Intelligence;

namespace ImageVault.Grains.Intelligence;

/// <summary>What to do with the other members of a reviewed group.</summary>
public enum DuplicateAction { Trash, Stack, Dismiss }

/// <summary>
/// Reviewing near-duplicate groups: keep one image and trash or stack the others (taking in their tags,
/// albums, rating, favourite and location first), or dismiss the group as not duplicates.
/// </summary>
public sealed class DuplicateReview(IGrainFactory grains)
{
    public Task<IReadOnlyList<DuplicateGroup>> GroupsAsync(string tenant) => Groups(tenant).GroupsAsync();

    /// <summary>False when the group no longer exists as shown or <paramref name="keepId"/> is not in it.</summary>
    public async Task<bool> ResolveAsync(string tenant, string groupId, string? keepId, DuplicateAction action, bool merge)
    {
        var group = (await Groups(tenant).GroupsAsync()).FirstOrDefault(g => g.Id == groupId);
        if (group is null) return false;
        if (action == DuplicateAction.Dismiss)
        {
            await Groups(tenant).DismissAsync(group.ImageIds);
            return true;
        }
        if (keepId is null || !group.ImageIds.Contains(keepId)) return false;
        var kept = Image(tenant, keepId);
        foreach (var other in group.ImageIds.Where(id => id != keepId))
        {
            var image = Image(tenant, other);
            if (merge && await image.GetAsync() is { } state) await kept.MergeFromAsync(state);
            await image.ResolveDuplicateAsync(keepId, stack: action == DuplicateAction.Stack);
        }
        await Groups(tenant).DismissAsync(group.ImageIds);
        return true;
    }

    private IDuplicateGroupsGrain Groups(string tenant) => grains.GetGrain<IDuplicateGroupsGrain>(tenant);
    private IImageGrain Image(string tenant, string id) => grains.GetGrain<IImageGrain>(GrainKeys.For(tenant, id));
}
