using Portal.Core.Localization;

namespace Portal.Events;

/// <summary>The agenda's address segments per culture (the default culture first).</summary>
public static class EventsRouteTable
{
    public const string Agenda = "agenda";
    public const string Archive = "agenda-archive";
    public const string Registration = "agenda-registration";

    public static readonly RouteTable Table = new RouteTable()
        .Add(Agenda, ("fr", "agenda"), ("de", "veranstaltungen"))
        .Add(Archive, ("fr", "archives"), ("de", "archiv"))
        .Add(Registration, ("fr", "inscription"), ("de", "anmeldung"));
}
