namespace SmbAgent.Leads;

public enum LeadStatus
{
    New = 0,
    Contacted = 1,
    Qualified = 2,
    Won = 3,
    Lost = 4,
}
