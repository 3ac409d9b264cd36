namespace SmbAgent.Workspace;

public enum BusinessType
{
    Other = 0,
    Plumbing = 1,
    Hvac = 2,
    Electrical = 3,
    Law = 4,
    RealEstate = 5,
    Clinic = 6,
}
