using System.Text.RegularExpressions;
using FirstLine.Dialogs.Support.Desk;

namespace FirstLine.Dialogs.Support.Priority;

/// <summary>
/// What the customer's own words say about impact, urgency and the clear signals that raise a priority.
/// Only explicit phrases count: when the text says nothing, the bot asks instead of guessing.
/// </summary>
public static partial class TextSignals
{
    public static (Impact Impact, string Evidence)? ReadImpact(string text) =>
        Find(text, WholeCompany()) is { } company ? (Impact.Organization, company)
        : Find(text, Team()) is { } team ? (Impact.Team, team)
        : Find(text, JustMe()) is { } me ? (Impact.Individual, me)
        : null;

    public static (Urgency Urgency, string Evidence)? ReadUrgency(string text) =>
        Find(text, CannotWork()) is { } cannot ? (Urgency.CannotWork, cannot)
        : Find(text, CanWork()) is { } can ? (Urgency.CanWork, can)
        : Find(text, Impaired()) is { } impaired ? (Urgency.Impaired, impaired)
        : null;

    /// <summary>"Störung", "outage", "alles down": a service is down, not one device.</summary>
    public static string? OutageWords(string text) => Find(text, Outage());

    /// <summary>A count of people ("20 Kollegen", "15 people") or "alle"/"everyone".</summary>
    public static string? ManyAffected(string text) => Find(text, Many());

    private static string? Find(string text, Regex pattern) => pattern.Match(text) is { Success: true } m ? m.Value : null;

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b(ganze[nr]? (firma|unternehmen|büro|buero|standort|gebäude|haus|abteilungen)|gesamte[nr]? (firma|unternehmen|büro|standort)|alle (mitarbeiter|kollegen|benutzer|user|nutzer|standorte)|bei allen|niemand (im|in der|kann)|keiner (im|in der|kann)|firmenweit|whole (company|office|building|site|organi[sz]ation)|entire (company|office|building|site|organi[sz]ation)|company[- ]wide|everyone|everybody|all (users|staff|employees|of us|colleagues)|nobody (can|in)|no one (can|in))\b", Options)]
    private static partial Regex WholeCompany();

    [GeneratedRegex(@"\b(mein(em)? team|unser(em)? team|das team|ganze[ns]? team|abteilung|mehrere (kollegen|leute|personen|mitarbeiter)|einige kollegen|auch (meine )?kollegen|kollegen auch|wir alle|my team|our team|the team|whole team|department|several (colleagues|people|users|of us)|a few of us|colleagues too|my colleagues|we all)\b", Options)]
    private static partial Regex Team();

    [GeneratedRegex(@"\b(nur (ich|bei mir|mich|mein)|ich allein|nur an meinem|bei den anderen geht|only me|just me|only (for )?mine|only on my|only my|others are fine|it'?s just my)\b", Options)]
    private static partial Regex JustMe();

    [GeneratedRegex(@"\b((kann|können|koennen) (\w+ ){0,2}(gar )?nicht (mehr )?(arbeiten|weiterarbeiten)|(niemand|keiner) kann (mehr )?arbeiten|(nobody|no one|none of us) can work|(can'?t|cannot|can not) work|kann (gar )?nicht (mehr )?arbeiten|kann nicht weiterarbeiten|nicht arbeitsfähig|geht gar nichts|gar nichts geht|nichts geht mehr|komplett blockiert|blockiert mich|stillstand|can'?t work|cannot work|unable to work|can'?t do (any|my) work|can'?t do anything|completely blocked|blocked|nothing works|dead in the water)\b", Options)]
    private static partial Regex CannotWork();

    [GeneratedRegex(@"\b(eingeschränkt|nur langsam|sehr langsam|umständlich|mühsam|teilweise|behindert mich|impaired|slow(ly)?|partly|partially|workaround|limited|hard to work)\b", Options)]
    private static partial Regex Impaired();

    [GeneratedRegex(@"\b(nicht dringend|keine eile|kein stress|eilt nicht|hat zeit|kann (aber )?(normal )?(weiter)?arbeiten|wenn sie zeit haben|not urgent|no rush|no hurry|whenever you (can|have time)|can still work|i can work|low priority)\b", Options)]
    private static partial Regex CanWork();

    [GeneratedRegex(@"\b(störung|stoerung|ausfall|totalausfall|ausgefallen|komplett down|ist down|sind down|server (ist )?(down|weg|aus)|outage|is down|are down|went down|service down|server down|not working for anyone|offline for everyone)\b", Options)]
    private static partial Regex Outage();

    [GeneratedRegex(@"\b(([1-9]\d+|zehn|zwanzig|dreißig|fünfzig|hundert|ten|twenty|thirty|fifty|hundred|dozens of)\s+(leute|personen|kollegen|mitarbeiter|benutzer|nutzer|people|users|colleagues|employees|staff)|alle|everyone|everybody)\b", Options)]
    private static partial Regex Many();
}
