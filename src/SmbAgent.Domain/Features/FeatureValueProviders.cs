namespace SmbAgent.Features;

public static class FeatureValueProviders
{
    public const string Edition = "E";
    public const string Tenant = "T";
}
