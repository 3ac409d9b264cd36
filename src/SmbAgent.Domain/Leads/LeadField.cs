namespace SmbAgent.Leads;

/// <summary>Which lead field an answer fills.</summary>
public enum LeadField
{
    Custom = 0,
    ContactName = 1,
    Email = 2,
    Phone = 3,
    Address = 4,
    Notes = 5,
}
