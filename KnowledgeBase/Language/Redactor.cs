using System.Text;

namespace FirstLine.KnowledgeBase.Language;

/// <summary>Replaces personal data by placeholders such as <c>[EMAIL]</c>, keeping the rest of the text.</summary>
public static class Redactor
{
    public static string Placeholder(string category) => category switch
    {
        "Email" => "[EMAIL]",
        "PhoneNumber" => "[PHONE]",
        "InternationalBankingAccountNumber" => "[IBAN]",
        "CreditCardNumber" => "[CREDITCARD]",
        "IPAddress" => "[IP]",
        "Password" => "[PASSWORD]",
        "Person" => "[PERSON]",
        _ => $"[{category.ToUpperInvariant()}]",
    };

    /// <summary>Overlapping entities are merged: the one that starts first (or is longer) wins.</summary>
    public static string Redact(string text, IEnumerable<PiiEntity> entities) => Redact(text, entities, e => Placeholder(e.Category));

    /// <inheritdoc cref="Redact(string, IEnumerable{PiiEntity})"/>
    public static string Redact(string text, IEnumerable<PiiEntity> entities, Func<PiiEntity, string> replacement)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        var position = 0;
        foreach (var entity in entities.OrderBy(e => e.Offset).ThenByDescending(e => e.Length))
        {
            if (entity.Offset < position || entity.Offset + entity.Length > text.Length)
            {
                continue;
            }

            result.Append(text, position, entity.Offset - position).Append(replacement(entity));
            position = entity.Offset + entity.Length;
        }

        return result.Append(text, position, text.Length - position).ToString();
    }
}
