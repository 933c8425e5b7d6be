namespace Gather.Infrastructure.Views;

/// <summary>A team's views. Obtained from <see cref="Teams.ITeamStore.Views"/>, so always team-scoped.</summary>
public interface IViewStore
{
    /// <exception cref="DuplicateDocumentException">the team already has a view of that name (case-insensitive).</exception>
    Task InsertAsync(View view, CancellationToken cancellationToken);

    Task<View?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The team's view named <paramref name="name"/>, compared as names are kept unique (<see cref="View.NameKey"/>).</summary>
    Task<View?> GetByNameAsync(string name, CancellationToken cancellationToken);

    /// <summary>The team's views by name; at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<View>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Stores the view's new definition; null when the team has no such view.</summary>
    /// <exception cref="DuplicateDocumentException">another view of the team has that name.</exception>
    Task<View?> UpdateAsync(View view, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}
