using System.Globalization;
using System.Text.RegularExpressions;

namespace SmbAgent.Bench.Retrieval.Corpus;

/// <summary>
/// Fills a template's <c>{slot}</c>s for one business kind. Slots that share a name up to a trailing digit
/// (<c>{pay}</c>, <c>{pay2}</c>) draw different values from the same pool; within one fill a slot keeps its value.
/// </summary>
public sealed partial class SlotFiller(BusinessKind kind, Random random)
{
    private static readonly Dictionary<string, string[]> Pools = new(StringComparer.Ordinal)
    {
        ["weekdays"] = ["Monday to Friday", "Monday to Saturday", "Tuesday to Saturday"],
        ["open"] = ["7 am", "7:30 am", "8 am", "8:30 am", "9 am", "10 am"],
        ["close"] = ["5 pm", "5:30 pm", "6 pm", "6:30 pm", "7 pm", "8 pm"],
        ["late"] = ["8 pm", "9 pm", "10 pm"],
        ["day"] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        ["holiday"] = ["Christmas Day", "New Year's Day", "Easter Monday", "Thanksgiving", "Independence Day", "Labor Day"],
        ["season"] = ["the summer holidays", "December", "Easter week", "August"],
        ["notice"] = ["12", "24", "48", "72"],
        ["minutes"] = ["10", "15", "20", "30"],
        ["count"] = ["4", "5", "6", "8", "10", "12"],
        ["percent"] = ["5", "10", "15", "20", "25"],
        ["years"] = ["5", "8", "12", "15", "20", "25", "30", "40"],
        ["pay"] = ["cash", "Visa and Mastercard", "American Express", "Apple Pay", "Google Pay", "bank transfer", "PayPal", "contactless debit cards"],
        ["street"] = ["12 Market Street", "48 Oak Avenue", "7 Station Road", "230 King Street", "15 Mill Lane", "91 Elm Street", "5 Church Square", "64 Bridge Road"],
        ["area"] = ["Riverside", "Old Town", "Northgate", "Maple Heights", "the Harbour district", "Westfield", "Cedar Park", "Hillcrest"],
        ["landmark"] = ["the public library", "Central Station", "the farmers market", "the town hall", "St Mary's church", "the big supermarket", "the river bridge", "the cinema"],
        ["stop"] = ["Elm Street", "Market Square", "the hospital", "Park Lane", "the university"],
        ["lang"] = ["Spanish", "French", "German", "Italian", "Portuguese", "Polish", "Mandarin", "Arabic", "Hindi"],
    };

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>Fills <paramref name="template"/>; <paramref name="service"/> fixes <c>{service}</c> (per-service topics).</summary>
    public string Fill(string template, Service? service = null)
    {
        _values.Clear();
        var main = service ?? Pick(kind.Services);
        var other = Pick(kind.Services.Where(s => s != main).ToList());
        var text = Slot().Replace(template, match =>
        {
            var name = match.Groups[1].Value;
            var value = Value(name.ToLowerInvariant(), main, other);
            return char.IsUpper(name[0]) ? string.Concat(value[..1].ToUpperInvariant(), value.AsSpan(1)) : value;
        });
        return text;
    }

    private string Value(string name, Service main, Service other)
    {
        if (_values.TryGetValue(name, out var known))
        {
            return known;
        }

        var value = name switch
        {
            "service" => main.Name,
            "service2" => other.Name,
            "price" => Money(main.MinPrice, main.MaxPrice),
            "duration" => main.Duration,
            "fee" => Money(15, 75),
            "deposit" => Money(50, 500),
            "place" => kind.Place,
            "customer" => kind.Customer,
            "customers" => kind.Customers,
            "booking" => kind.Booking,
            "staff" => kind.Staff,
            "emergency" => kind.Emergency,
            _ => FromPool(name),
        };
        _values[name] = value;
        return value;
    }

    private string FromPool(string name)
    {
        var pool = name.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        var values = pool == "product" ? [.. kind.Products] : Pools[pool];

        // Siblings ({pay}, {pay2}) differ when the pool allows it.
        var taken = _values.Where(v => v.Key != name && v.Key.StartsWith(pool, StringComparison.Ordinal)).Select(v => v.Value).ToHashSet();
        var free = values.Where(v => !taken.Contains(v)).ToList();
        return Pick<string>(free.Count > 0 ? free : values);
    }

    private string Money(int min, int max)
    {
        if (max == 0)
        {
            return "nothing: it is free";
        }

        var step = max switch
        {
            >= 2000 => 100,
            >= 200 => 10,
            _ => 5,
        };
        var amount = Math.Max(step, (random.Next(min, max + 1) + (step / 2)) / step * step);
        return string.Create(CultureInfo.InvariantCulture, $"${amount:N0}");
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];

    [GeneratedRegex(@"\{([A-Za-z]+[0-9]?)\}")]
    private static partial Regex Slot();
}
