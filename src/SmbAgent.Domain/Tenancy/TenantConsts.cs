namespace SmbAgent.Tenancy;

public static class TenantConsts
{
    public const int MaxNameLength = 128;

    public const int WidgetKeyLength = 35;

    /// <summary>The claim that carries the signed-in user's tenant id (absent for host users).</summary>
    public const string TenantIdClaimType = "tenantid";
}
