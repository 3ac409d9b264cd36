using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmbAgent.Application.Tests.KnowledgeBase.Evaluation;

/// <summary>
/// One business's knowledge, as an owner would paste it, and the questions its visitors ask: read from
/// <c>Data/&lt;business&gt;/business.json</c> plus the Markdown files it names, so the benchmark and docs can reuse them.
/// </summary>
public sealed record EvaluationBusiness(
    string Name,
    EvaluationFaq Faq,
    IReadOnlyList<EvaluationDocument> Documents,
    IReadOnlyList<LabelledQuestion> Questions,
    IReadOnlyList<OffTopicQuestion> OffTopic);

public sealed record EvaluationFaq(string Title, IReadOnlyList<EvaluationFaqPair> Pairs);

public sealed record EvaluationFaqPair(string Question, string Answer);

/// <param name="File">A Markdown file next to business.json.</param>
public sealed record EvaluationDocument(string Title, string File)
{
    [JsonIgnore]
    public string Text { get; init; } = string.Empty;
}

/// <summary>A visitor's question and the passage that answers it: the source title and the heading or FAQ question it sits under.</summary>
/// <param name="HeldOut">Part of the held-out split: never looked at while tuning the relevance decision.</param>
public sealed record LabelledQuestion(string Text, string Source, string Citation, bool HeldOut = false);

/// <param name="Kind">"unrelated" (nothing to do with the business) or "nearby" (the trade's territory, but not in this content).</param>
/// <param name="HeldOut">Part of the held-out split: never looked at while tuning the relevance decision.</param>
public sealed record OffTopicQuestion(string Text, string Kind, bool HeldOut = false);

public static class RetrievalSet
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static string DataDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "KnowledgeBase", "Evaluation", "Data");

    public static IReadOnlyList<EvaluationBusiness> Load() =>
        [.. Directory.GetDirectories(DataDirectory).Order(StringComparer.Ordinal).Select(LoadBusiness)];

    private static EvaluationBusiness LoadBusiness(string directory)
    {
        var business = JsonSerializer.Deserialize<EvaluationBusiness>(File.ReadAllText(Path.Combine(directory, "business.json")), Json)
                       ?? throw new InvalidDataException($"{directory}/business.json is empty.");
        return business with
        {
            Documents = [.. business.Documents.Select(d => d with { Text = File.ReadAllText(Path.Combine(directory, d.File)) })],
        };
    }
}
