using SmbAgent.Workspace;

namespace SmbAgent.SignUp;

/// <summary>How business types read in forms.</summary>
public static class BusinessTypeNames
{
    public static IReadOnlyList<BusinessType> Ordered { get; } =
    [
        BusinessType.Plumbing, BusinessType.Hvac, BusinessType.Electrical, BusinessType.Law,
        BusinessType.RealEstate, BusinessType.Clinic, BusinessType.Other,
    ];

    public static string Display(BusinessType type) => type switch
    {
        BusinessType.Plumbing => "Plumbing",
        BusinessType.Hvac => "HVAC",
        BusinessType.Electrical => "Electrical",
        BusinessType.Law => "Law",
        BusinessType.RealEstate => "Real estate",
        BusinessType.Clinic => "Clinic",
        _ => "Other",
    };
}
