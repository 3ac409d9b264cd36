namespace SmbAgent.Tenancy;

/// <summary>The tenant the current flow of execution works for; <c>Id == null</c> is the host.</summary>
public interface ICurrentTenant
{
    Guid? Id { get; }

    string? Name { get; }

    bool IsAvailable { get; }

    /// <summary>Switches the tenant until the returned scope is disposed, which restores the previous one.</summary>
    IDisposable Change(Guid? id, string? name = null);
}
