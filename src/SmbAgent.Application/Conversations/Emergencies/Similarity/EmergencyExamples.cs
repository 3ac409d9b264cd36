namespace SmbAgent.Conversations.Emergencies.Similarity;

/// <summary>
/// Labelled example turns the similarity check compares against: short, plain, one situation each, in English
/// (the only language the local model understands; OpenAI's models compare across languages). They must not
/// repeat sentences of the evaluation set, or its numbers would flatter the check.
/// </summary>
internal static class EmergencyExamples
{
    public static IReadOnlyList<string> Urgent { get; } =
    [
        "water is coming through my ceiling",
        "my basement is under water",
        "I can smell gas in the kitchen",
        "the pipe burst and water is spraying everywhere",
        "there is a fire in the house",
        "smoke is coming from the electrical outlet",
        "sparks are flying from the fuse box",
        "the carbon monoxide detector is beeping",
        "sewage is coming up from the drain",
        "it's freezing and we have no heat at all",
        "something electrical is burning, I can smell it",
        "the house is flooding",
        "there's a gas leak",
        "the ceiling is about to collapse from the water",
        "electrical wires are sparking behind the wall",
        "the room is filling with smoke",
    ];

    public static IReadOnlyList<string> High { get; } =
    [
        "my faucet is leaking",
        "the drain is clogged",
        "the toilet is blocked",
        "the water heater is broken",
        "the boiler is not working",
        "there is no hot water",
        "the heating doesn't work",
        "the toilet bowl is spilling onto the floor",
        "there's a small leak under the sink",
        "the air conditioner stopped working",
        "a pipe is dripping",
        "the furnace is broken",
        "the shower won't drain",
        "our fridge stopped cooling",
    ];
}
