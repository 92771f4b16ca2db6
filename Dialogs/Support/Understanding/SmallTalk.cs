using System.Text.RegularExpressions;

namespace FirstLine.Dialogs.Support.Understanding;

/// <summary>Greetings and thanks that carry no request; they get a friendly answer and open no ticket.</summary>
public static partial class SmallTalk
{
    public static bool IsGreetingOnly(string text) => Greeting().IsMatch(text);

    /// <summary><c>de</c> for "Hallo", "Moin", "Guten Tag" …, <c>en</c> otherwise.</summary>
    public static string LanguageOfGreeting(string text) => GermanGreeting().IsMatch(text) ? "de" : "en";

    /// <summary>"Ja", "nope", "ok danke" with no question waiting; "geht nicht" is a (vague) problem, though.</summary>
    public static bool IsLoneYesOrNo(CustomerMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.WordCount <= 2 && !ProblemWord().IsMatch(message.Text)
               && Engine.YesNoRecognizer.Recognize(message.Text, null) is not null;
    }

    public static bool IsThanksOnly(string text) => Thanks().IsMatch(text);

    [GeneratedRegex(@"^\W*(hallo|hi|hey|moin|servus|grüß gott|gruess gott|guten (morgen|tag|abend)|hello|good (morning|afternoon|evening)|howdy)(\s+(zusammen|there|everyone|bot))?\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"\b(geht|gehen|funktioniert|klappt|läuft|work|works|working|broken|kaputt)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProblemWord();

    [GeneratedRegex(@"\b(hallo|moin|servus|grüß|gruess|guten)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GermanGreeting();

    [GeneratedRegex(@"^\W*(danke( schön| sehr)?|vielen dank|thanks?( you)?( very much)?|thx|cheers|ok(ay)? danke|tschüss|bye|goodbye|auf wiedersehen)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Thanks();
}
