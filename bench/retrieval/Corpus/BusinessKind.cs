using SmbAgent.Workspace;

namespace SmbAgent.Bench.Retrieval.Corpus;

public sealed record Service(string Name, int MinPrice, int MaxPrice, string Duration);

/// <summary>The words a kind of business uses about itself; templates are filled from these.</summary>
public sealed record BusinessKind(
    string Name,
    BusinessType Type,
    string Place,
    string Customer,
    string Booking,
    string Staff,
    string Emergency,
    IReadOnlyList<string> Products,
    IReadOnlyList<Service> Services)
{
    public string Customers => Customer + "s";
}
