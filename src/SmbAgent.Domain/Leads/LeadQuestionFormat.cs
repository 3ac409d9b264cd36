namespace SmbAgent.Leads;

/// <summary>What shape an answer must have; the engine validates answers by it.</summary>
public enum LeadQuestionFormat
{
    Text = 0,
    Email = 1,
    Phone = 2,
    Date = 3,
    Number = 4,
    Choice = 5,
}
