using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Workspace;

/// <summary>What the agent needs to know about the business itself: one per tenant.</summary>
public sealed class BusinessProfile : IMultiTenant, IHasCreationTime
{
    public const int MaxAddressLength = 300;
    public const int MaxWebsiteLength = 300;
    public const int MaxContacts = 10;

    private BusinessProfile()
    {
        TimeZone = "UTC";
        Country = "US";
        Hours = [];
        Holidays = [];
        Contacts = [];
    }

    public BusinessProfile(Guid id, Guid tenantId, BusinessType type, string timeZone, string country)
    {
        Id = id;
        TenantId = tenantId;
        Type = type;
        TimeZone = timeZone;
        Country = country;
        Hours = BusinessHours.DefaultWeek();
        Holidays = [];
        Contacts = [];
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    public BusinessType Type { get; set; }

    /// <summary>IANA time zone id, e.g. <c>America/Chicago</c>.</summary>
    public string TimeZone { get; set; }

    /// <summary>ISO 3166 two-letter code; phone numbers without a country code are read in it.</summary>
    public string Country { get; set; }

    public string? Address { get; set; }

    public string? Website { get; set; }

    /// <summary>The business's own phone number in E.164, told to visitors in an emergency.</summary>
    public string? Phone { get; set; }

    public List<BusinessHours> Hours { get; set; }

    public List<Holiday> Holidays { get; set; }

    /// <summary>Who hears about leads, in escalation order.</summary>
    public List<NotificationContact> Contacts { get; set; }

    /// <summary>Email visitors who left an address a confirmation of their request (off until the owner turns it on).</summary>
    public bool SendVisitorConfirmation { get; set; }

    public DateTimeOffset CreationTime { get; set; }
}

/// <summary>Opening hours of one weekday; <see cref="IsOpen"/> false means closed all day.</summary>
public sealed record BusinessHours(DayOfWeek Day, bool IsOpen, TimeOnly Opens, TimeOnly Closes)
{
    public static List<BusinessHours> DefaultWeek() =>
    [
        .. Enum.GetValues<DayOfWeek>().Select(day => new BusinessHours(
            day,
            day is not (DayOfWeek.Saturday or DayOfWeek.Sunday),
            new TimeOnly(8, 0),
            new TimeOnly(17, 0))),
    ];
}

public sealed record Holiday(DateOnly Date, string Name);

public enum ContactKind
{
    Email = 0,
    Phone = 1,
}

/// <summary>An email address or an E.164 phone number to notify.</summary>
public sealed record NotificationContact(ContactKind Kind, string Value, string? Name);
