namespace FirstLine.KnowledgeBase.Language;

/// <summary>A detected language as an ISO 639-1 code with a confidence from 0 to 1;
/// <see cref="Unknown"/> when the text carries no signal (emoji, numbers, a single unknown word).</summary>
public sealed record DetectedLanguage(string Code, double Confidence)
{
    public const string UnknownCode = "(unknown)";

    public static DetectedLanguage Unknown { get; } = new(UnknownCode, 0);

    public bool IsUnknown => Code == UnknownCode;
}
