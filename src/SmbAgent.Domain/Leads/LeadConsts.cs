namespace SmbAgent.Leads;

public static class LeadConsts
{
    public const int MaxContactNameLength = 200;
    public const int MaxEmailLength = 256;
    public const int MaxPhoneLength = 32;
    public const int MaxAddressLength = 500;
    public const int MaxNotesLength = 4000;
}
