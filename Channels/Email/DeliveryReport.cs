using MimeKit;

namespace FirstLine.Channels.Email;

/// <summary>
/// A bounce (RFC 3464 delivery status notification, <c>multipart/report; report-type=delivery-status</c>): which of
/// our mails failed, to whom, and why.
/// </summary>
public sealed record DeliveryReport(string? OriginalMessageId, IReadOnlyList<string> Failures)
{
    /// <summary>The report in <paramref name="message"/>, or null when it is not a delivery status notification.</summary>
    public static DeliveryReport? Read(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Body is not MultipartReport report || !string.Equals(report.ReportType, "delivery-status", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var failures = new List<string>();
        string? original = null;
        foreach (var part in report)
        {
            switch (part)
            {
                case MessageDeliveryStatus status:
                    // The first group describes the message; every further group is one recipient.
                    foreach (var recipient in status.StatusGroups.Skip(1))
                    {
                        var action = recipient["Action"]?.Trim();
                        if (action is null || action.Equals("failed", StringComparison.OrdinalIgnoreCase) || action.Equals("delayed", StringComparison.OrdinalIgnoreCase))
                        {
                            failures.Add(HeaderText.SingleLine($"{Address(recipient["Final-Recipient"] ?? recipient["Original-Recipient"])}: {action ?? "failed"} {recipient["Status"]?.Trim()} {recipient["Diagnostic-Code"]?.Trim()}"));
                        }
                    }

                    break;
                case MessagePart { Message: { } returned }:
                    original ??= returned.MessageId;
                    break;
            }
        }

        return new DeliveryReport(original, failures);
    }

    // "rfc822; kunde@example.test" → "kunde@example.test"
    private static string Address(string? field) => field is null ? "(unknown recipient)" : field.Split(';', 2)[^1].Trim();
}
