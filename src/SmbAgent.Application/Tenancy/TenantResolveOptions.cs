namespace SmbAgent.Tenancy;

public sealed class TenantResolveOptions
{
    /// <summary>Contributor types in the order they run; the current user's claim is always first.</summary>
    public List<Type> Contributors { get; } = [typeof(CurrentUserTenantResolveContributor)];
}
