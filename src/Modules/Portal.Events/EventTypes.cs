namespace Portal.Events;

/// <summary>The Event type, its part and the field names the module reads.</summary>
public static class EventTypes
{
    public const string Event = "Event";
    public const string Part = "Event";

    /// <summary>The time zone every session's local start and end are written in.</summary>
    public const string TimeZone = "Europe/Paris";

    public static class Fields
    {
        public const string Summary = "Summary";
        public const string Description = "Description";
        public const string Sessions = "Sessions";
        public const string Online = "Online";
        public const string OnlineLink = "OnlineLink";
        public const string Location = "Location";
        public const string Organiser = "Organiser";
        public const string Domains = "Domains";
        public const string Audiences = "Audiences";
        public const string Accessibility = "Accessibility";
        public const string Languages = "Languages";
        public const string Price = "Price";
        public const string PriceDetails = "PriceDetails";
        public const string Capacity = "Capacity";
        public const string RegistrationOpens = "RegistrationOpens";
        public const string RegistrationCloses = "RegistrationCloses";
        public const string Status = "Status";
        public const string Report = "Report";
        public const string Sample = "Sample";
        public const string Picture = "Picture";
    }
}

/// <summary>The states an event can be in, as the organiser announces them.</summary>
public static class EventStatuses
{
    public const string Scheduled = "scheduled";
    public const string Full = "full";
    public const string Cancelled = "cancelled";
    public const string Postponed = "postponed";
}
