namespace SmbAgent.Leads;

public static class LeadQuestionConsts
{
    public const int MaxTextLength = 500;
    public const int MaxOptions = 20;
    public const int MaxOptionLength = 100;
}
