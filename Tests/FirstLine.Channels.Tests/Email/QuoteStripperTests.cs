using FirstLine.Channels.Email;

namespace FirstLine.Channels.Tests.Email;

public sealed class QuoteStripperTests
{
    [Theory]
    [InlineData("Neue Frage.\n\nAm 30.11.2026 um 08:00 schrieb FirstLine Support <support@example.test>:\n> Alte Antwort")]
    [InlineData("Neue Frage.\n\nAm Mo., 30. Nov. 2026 um 08:00 Uhr schrieb FirstLine Support\n<support@example.test>:\n> Alte Antwort")]
    [InlineData("Neue Frage.\n\n-----Ursprüngliche Nachricht-----\nVon: Support\nAlte Antwort")]
    [InlineData("Neue Frage.\n\nVon: FirstLine Support <support@example.test>\nGesendet: Montag, 30. November 2026 08:00\nAn: Kunde\nBetreff: Drucker\n\nAlte Antwort")]
    [InlineData("Neue Frage.\n________________________________\nVon: FirstLine Support\nGesendet: Montag\nAlte Antwort")]
    [InlineData("Neue Frage.\n\nOn Mon, Nov 30, 2026 at 8:00 AM FirstLine Support <support@example.test> wrote:\n> Old answer")]
    [InlineData("Neue Frage.\n\nOn Mon, Nov 30, 2026 at 8:00 AM FirstLine Support\n<support@example.test> wrote:\n> Old answer")]
    [InlineData("Neue Frage.\n\n-----Original Message-----\nFrom: Support\nOld answer")]
    [InlineData("Neue Frage.\n\nFrom: FirstLine Support <support@example.test>\nSent: Monday, November 30, 2026 8:00 AM\nTo: Customer\nOld answer")]
    [InlineData("Neue Frage.\n-- \nErika Mustermann\nTel. 0123 456")]
    [InlineData("> Alte Antwort\n> zitiert\nNeue Frage.")]
    public void Only_the_new_part_remains_of_a_German_or_English_reply(string mail)
    {
        Assert.Equal("Neue Frage.", QuoteStripper.Strip(mail));
    }

    [Fact]
    public void Text_without_history_stays_as_it_is()
    {
        Assert.Equal("Zeile eins\n\nZeile zwei: mit Doppelpunkt", QuoteStripper.Strip("Zeile eins\r\n\r\nZeile zwei: mit Doppelpunkt\r\n"));
    }

    [Fact]
    public void A_sentence_that_merely_starts_with_On_is_not_mistaken_for_history()
    {
        Assert.Equal("On Monday the printer failed.\nPlease help.", QuoteStripper.Strip("On Monday the printer failed.\nPlease help."));
    }
}
