using System.Globalization;

namespace FirstLine.Dialogs.Engine;

/// <summary>
/// The few sentences the engine itself says, per language. German uses the "Sie" form; both stay short and
/// plain because the customer may be stressed and non-technical.
/// </summary>
public sealed class EngineTexts
{
    public static EngineTexts German { get; } = new()
    {
        Culture = CultureInfo.GetCultureInfo("de-DE"),
        Yes = "Ja",
        No = "Nein",
        RetryGeneric = "Das habe ich leider nicht verstanden.",
        RetryText = "Bitte schreiben Sie mir Ihre Antwort in ein paar Worten.",
        RetryChoice = "Bitte wählen Sie eine der Möglichkeiten. Sie können auch die Nummer schreiben.",
        RetryConfirm = "Bitte antworten Sie mit „Ja“ oder „Nein“.",
        RetryNumber = "Bitte schreiben Sie eine Zahl, zum Beispiel 2.",
        RetryEmail = "Bitte schreiben Sie eine gültige E-Mail-Adresse, zum Beispiel max.muster@firma.de.",
        StateReset = "Entschuldigung, bei mir ist etwas durcheinandergeraten. Wir beginnen bitte noch einmal von vorn.",
    };

    public static EngineTexts English { get; } = new()
    {
        Culture = CultureInfo.GetCultureInfo("en-US"),
        Yes = "Yes",
        No = "No",
        RetryGeneric = "Sorry, I didn't understand that.",
        RetryText = "Please type your answer in a few words.",
        RetryChoice = "Please pick one of the options. You can also type its number.",
        RetryConfirm = "Please answer \"yes\" or \"no\".",
        RetryNumber = "Please type a number, for example 2.",
        RetryEmail = "Please type a valid email address, for example jane.doe@company.com.",
        StateReset = "Sorry, I lost track of our conversation. Let's start again from the beginning.",
    };

    public required CultureInfo Culture { get; init; }

    public required string Yes { get; init; }

    public required string No { get; init; }

    public required string RetryGeneric { get; init; }

    public required string RetryText { get; init; }

    public required string RetryChoice { get; init; }

    public required string RetryConfirm { get; init; }

    public required string RetryNumber { get; init; }

    public required string RetryEmail { get; init; }

    public required string StateReset { get; init; }

    /// <summary>German for any "de…" locale, English otherwise.</summary>
    public static EngineTexts For(string? locale) => IsGerman(locale) ? German : English;

    public static bool IsGerman(string? locale) => locale?.StartsWith("de", StringComparison.OrdinalIgnoreCase) == true;
}
