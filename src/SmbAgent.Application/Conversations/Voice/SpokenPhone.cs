namespace SmbAgent.Conversations.Voice;

/// <summary>
/// A phone number as it can be heard and noted down: digit by digit, a pause between the groups it was written in
/// ("+1 415 555 0100" is "1, 4 1 5, 5 5 5, 0 1 0 0"), where a voice would otherwise read "415" as a number.
/// </summary>
public static class SpokenPhone
{
    public static string Of(string phone)
    {
        var groups = phone.Split((char[])[' ', '-', '.', '(', ')', '/', '+'], StringSplitOptions.RemoveEmptyEntries)
            .Select(group => string.Join(' ', group.Where(char.IsAsciiDigit)))
            .Where(group => group.Length > 0);
        return string.Join(", ", groups);
    }
}
