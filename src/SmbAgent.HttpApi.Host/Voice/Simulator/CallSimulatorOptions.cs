namespace SmbAgent.HttpApi.Voice.Simulator;

/// <summary>
/// <c>simulate-call --to &lt;business number&gt; --from &lt;caller&gt; [--api &lt;base url&gt;] [--say "text"]... [--digits 1]...</c>,
/// or <c>simulate-call --owner-alert &lt;outbox call sid&gt; --press 1</c>.
/// </summary>
public sealed record CallSimulatorOptions(
    string? To,
    string? From,
    Uri? Api,
    IReadOnlyList<CallerInput> Inputs,
    string? OwnerAlertSid,
    string? Press)
{
    public const string Verb = "simulate-call";

    public const string Usage = """
        usage: simulate-call --to <business number> --from <caller> [--api <base url>] [--say "text"]... [--digits 1]...
               simulate-call --owner-alert <outbox call sid> --press <digit> [--api <base url>]
        Without --say or --digits, each line typed is what the caller says (digits alone: keypad); an empty line hangs up.
        """;

    /// <summary>Null when the arguments don't make a call.</summary>
    public static CallSimulatorOptions? Parse(IReadOnlyList<string> args)
    {
        string? to = null, from = null, ownerAlert = null, press = null;
        Uri? api = null;
        var inputs = new List<CallerInput>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == Verb)
            {
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return null;
            }

            var value = args[++i];
            switch (args[i - 1])
            {
                case "--to": to = value; break;
                case "--from": from = value; break;
                case "--api" when Uri.TryCreate(value, UriKind.Absolute, out var url): api = url; break;
                case "--say": inputs.Add(new CallerInput(value, IsDigits: false)); break;
                case "--digits": inputs.Add(new CallerInput(value, IsDigits: true)); break;
                case "--owner-alert": ownerAlert = value; break;
                case "--press": press = value; break;
                default: return null;
            }
        }

        var valid = ownerAlert is not null ? press is { Length: > 0 } : to is not null && from is not null;
        return valid ? new CallSimulatorOptions(to, from, api, inputs, ownerAlert, press) : null;
    }
}

/// <summary>What the caller says (Twilio's <c>SpeechResult</c>) or presses (<c>Digits</c>) at a gather, in the order given.</summary>
public sealed record CallerInput(string Value, bool IsDigits);
