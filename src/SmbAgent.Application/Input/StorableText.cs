namespace SmbAgent.Input;

/// <summary>
/// Text every store can keep: valid UTF-16 (no unpaired surrogate), with no NUL (PostgreSQL refuses it) and no other
/// C0 control but tab, carriage return and line feed (nothing a person types; only ever noise or an attack), and not the
/// noncharacters U+FFFE and U+FFFF, on which .NET's Unicode normalization throws (Identity's user names, lead answers).
/// </summary>
public static class StorableText
{
    public const string Problem = "The value contains characters that cannot be stored.";

    public static bool IsStorable(string? text)
    {
        if (text is null)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c) || (c < ' ' && c is not '\t' and not '\r' and not '\n') || c is '\ufffe' or '\uffff')
            {
                return false;
            }
        }

        return true;
    }
}
