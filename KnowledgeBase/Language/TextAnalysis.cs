namespace FirstLine.KnowledgeBase.Language;

/// <summary>What a customer's text says beyond its words: language, mood, key phrases and personal data.</summary>
/// <param name="Language">detected language (the hint when it was given and the text has no clear signal)</param>
/// <param name="Sentiment">document and sentence sentiment</param>
/// <param name="KeyPhrases">the main talking points</param>
/// <param name="PiiEntities">personal data found, with UTF-16 offsets into the text</param>
/// <param name="RedactedText">the text with every entity replaced by its placeholder, e.g. <c>[EMAIL]</c></param>
public sealed record TextAnalysis(
    DetectedLanguage Language,
    SentimentResult Sentiment,
    IReadOnlyList<string> KeyPhrases,
    IReadOnlyList<PiiEntity> PiiEntities,
    string RedactedText);

public enum SentimentLabel
{
    Positive,
    Neutral,
    Negative,
    Mixed,
}

/// <summary>Confidence scores for each sentiment; they add up to 1.</summary>
public sealed record SentimentScores(double Positive, double Neutral, double Negative);

public sealed record SentimentResult(SentimentLabel Label, SentimentScores Scores, IReadOnlyList<SentenceSentiment> Sentences);

public sealed record SentenceSentiment(string Text, int Offset, int Length, SentimentLabel Label, SentimentScores Scores);

/// <summary>Personal data in the text. Categories follow Azure AI Language (<c>Email</c>, <c>PhoneNumber</c>,
/// <c>InternationalBankingAccountNumber</c>, <c>CreditCardNumber</c>, <c>IPAddress</c>, <c>Person</c>) plus
/// <c>Password</c> for secrets a customer pastes.</summary>
public sealed record PiiEntity(string Category, string Text, int Offset, int Length, double Confidence);
