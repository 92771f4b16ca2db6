namespace FirstLine.KnowledgeBase.Language;

/// <summary>The checks every analyzer applies to its input, so both fail alike.</summary>
internal static class AnalysisInput
{
    public static void Validate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("The text to analyse is empty.", nameof(text));
        }

        if (text.Length > ITextAnalyzer.MaxTextLength)
        {
            throw new ArgumentException(
                $"The text has {text.Length} characters; analyse at most {ITextAnalyzer.MaxTextLength} at once (split longer messages).",
                nameof(text));
        }
    }
}
