namespace SmbAgent.Leads;

public enum LeadSort
{
    Created = 0,
    Priority = 1,
    Status = 2,
}
