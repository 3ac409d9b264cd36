using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace SmbAgent.KnowledgeBase.Extraction;

public static class PdfTextExtractor
{
    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();

    /// <summary>The signature may follow a little junk: PDF readers accept it within the first kilobyte.</summary>
    public static bool HasPdfSignature(byte[] file) => file.AsSpan(0, Math.Min(file.Length, 1024)).IndexOf(PdfSignature) >= 0;

    /// <summary>The text of every page in reading order, pages separated by blank lines.</summary>
    public static string Extract(byte[] file)
    {
        if (file.Length > KnowledgeSourceConsts.MaxPdfBytes)
        {
            throw new KnowledgeContentException($"The PDF is larger than {KnowledgeSourceConsts.MaxPdfBytes / (1024 * 1024)} MB.");
        }

        if (!HasPdfSignature(file))
        {
            throw new KnowledgeContentException("The file is not a PDF.");
        }

        try
        {
            using var document = PdfDocument.Open(file);
            var text = new StringBuilder();
            foreach (var page in document.GetPages())
            {
                text.Append(ContentOrderTextExtractor.GetText(page)).Append("\n\n");
            }

            return text.ToString().Trim();
        }
        catch (Exception e) when (e is not KnowledgeContentException)
        {
            throw new KnowledgeContentException("The PDF could not be read: it is damaged or protected by a password.", e);
        }
    }
}
