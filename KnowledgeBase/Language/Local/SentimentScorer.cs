using System.Text.RegularExpressions;

namespace FirstLine.KnowledgeBase.Language.Local;

/// <summary>
/// Lexicon sentiment in the spirit of VADER: word valences, flipped by a negation up to three words before,
/// scaled by intensifiers, raised by exclamation marks and capitals, summed per sentence and normalised.
/// </summary>
public static partial class SentimentScorer
{
    private const double NegationFactor = -0.74;

    // Above this absolute normalised score a sentence counts as positive or negative.
    private const double Threshold = 0.05;

    public static SentimentResult Score(string text, string language)
    {
        var lexicon = SentimentLexicon.For(language);
        var sentences = Sentences().Matches(text)
            .Where(m => !string.IsNullOrWhiteSpace(m.Value))
            .Select(m => ScoreSentence(m.Value.TrimEnd(), m.Index, lexicon))
            .ToList();
        if (sentences.Count == 0)
        {
            return new SentimentResult(SentimentLabel.Neutral, new SentimentScores(0, 1, 0), []);
        }

        var positive = sentences.Average(s => s.Scores.Positive);
        var negative = sentences.Average(s => s.Scores.Negative);
        var label = sentences.Any(s => s.Label == SentimentLabel.Positive) && sentences.Any(s => s.Label == SentimentLabel.Negative)
            ? SentimentLabel.Mixed
            : sentences.Any(s => s.Label == SentimentLabel.Negative) ? SentimentLabel.Negative
            : sentences.Any(s => s.Label == SentimentLabel.Positive) ? SentimentLabel.Positive
            : SentimentLabel.Neutral;
        return new SentimentResult(label, Rounded(positive, 1 - positive - negative, negative), sentences);
    }

    private static SentenceSentiment ScoreSentence(string sentence, int offset, SentimentLexicon lexicon)
    {
        var words = Words().Matches(sentence).Select(m => m.Value).ToList();
        var sum = 0.0;
        for (var i = 0; i < words.Count; i++)
        {
            var lower = words[i].ToLowerInvariant();
            var phrase = i + 1 < words.Count ? $"{lower} {words[i + 1].ToLowerInvariant()}" : null;
            var valence = phrase is null ? 0 : lexicon.Valence(phrase);
            if (valence != 0)
            {
                i++;
            }
            else
            {
                valence = lexicon.Valence(lower);
            }

            if (valence == 0)
            {
                continue;
            }

            sum += Modified(valence, words, i, lexicon);
        }

        // "!!!" and shouting make any feeling stronger.
        var emphasis = 1 + (0.15 * Math.Min(3, sentence.Count(c => c == '!')));
        var compound = sum * emphasis / Math.Sqrt((sum * emphasis * sum * emphasis) + 15);
        var label = compound >= Threshold ? SentimentLabel.Positive : compound <= -Threshold ? SentimentLabel.Negative : SentimentLabel.Neutral;
        var scores = Rounded(Math.Max(compound, 0), 1 - Math.Abs(compound), Math.Max(-compound, 0));
        return new SentenceSentiment(sentence, offset, sentence.Length, label, scores);
    }

    private static double Modified(double valence, List<string> words, int index, SentimentLexicon lexicon)
    {
        if (words[index].Length > 2 && words[index].All(c => !char.IsLetter(c) || char.IsUpper(c)))
        {
            valence *= 1.3;
        }

        for (var back = 1; back <= 3 && index - back >= 0; back++)
        {
            var before = words[index - back].ToLowerInvariant();
            if (lexicon.Negators.Contains(before))
            {
                valence *= NegationFactor;
                break;
            }

            if (back == 1 && lexicon.Scalers.TryGetValue(before, out var factor))
            {
                valence *= factor;
            }
        }

        return valence;
    }

    private static SentimentScores Rounded(double positive, double neutral, double negative) =>
        new(Math.Round(positive, 3), Math.Round(neutral, 3), Math.Round(negative, 3));

    [GeneratedRegex(@"[^.!?\n]+[.!?\n]*")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"[\p{L}']+")]
    private static partial Regex Words();
}
