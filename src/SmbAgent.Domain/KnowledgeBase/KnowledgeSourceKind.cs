namespace SmbAgent.KnowledgeBase;

public enum KnowledgeSourceKind
{
    Text = 0,
    Faq = 1,
    Markdown = 2,
    Url = 3,
    Pdf = 4,
}
