namespace SmbAgent.Workspace;

/// <summary>The business profile form: the tenant's name plus its <see cref="BusinessProfile"/>.</summary>
public sealed class BusinessProfileInput
{
    public string? Name { get; set; }

    public BusinessType Type { get; set; }

    public string? TimeZone { get; set; }

    public string? Country { get; set; }

    public string? Address { get; set; }

    public string? Website { get; set; }

    public string? Phone { get; set; }

    public List<BusinessHoursInput> Hours { get; set; } = [];

    public List<HolidayInput> Holidays { get; set; } = [];

    /// <summary>In escalation order: the first is told first.</summary>
    public List<ContactInput> Contacts { get; set; } = [];
}

public sealed class BusinessHoursInput
{
    public DayOfWeek Day { get; set; }

    public bool IsOpen { get; set; }

    public TimeOnly Opens { get; set; }

    public TimeOnly Closes { get; set; }
}

public sealed class HolidayInput
{
    public DateOnly? Date { get; set; }

    public string? Name { get; set; }
}

public sealed class ContactInput
{
    public ContactKind Kind { get; set; }

    public string? Value { get; set; }

    public string? Name { get; set; }
}
