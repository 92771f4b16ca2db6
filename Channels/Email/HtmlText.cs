using System.Text;
using MimeKit.Text;

namespace FirstLine.Channels.Email;

/// <summary>
/// HTML mail to plain text: block elements become lines, <c>&lt;br&gt;</c> a line break, quoted blocks
/// (<c>&lt;blockquote&gt;</c>) lines starting with "&gt; ", scripts, styles and the head are dropped.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<HtmlTagId> BlockTags =
    [
        HtmlTagId.P, HtmlTagId.Div, HtmlTagId.TR, HtmlTagId.LI, HtmlTagId.H1, HtmlTagId.H2, HtmlTagId.H3, HtmlTagId.H4,
        HtmlTagId.H5, HtmlTagId.H6, HtmlTagId.Table, HtmlTagId.UL, HtmlTagId.OL, HtmlTagId.BlockQuote, HtmlTagId.Pre, HtmlTagId.HR,
        HtmlTagId.Address, HtmlTagId.Center, HtmlTagId.DL, HtmlTagId.DT, HtmlTagId.DD,
    ];

    private static readonly HashSet<HtmlTagId> HiddenTags = [HtmlTagId.Script, HtmlTagId.Style, HtmlTagId.Head, HtmlTagId.Title, HtmlTagId.NoScript];

    public static string Convert(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var writer = new Writer();
        using var reader = new StringReader(html);
        var tokenizer = new HtmlTokenizer(reader);
        var hidden = 0;
        var pre = 0;
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when HiddenTags.Contains(tag.Id):
                    if (!tag.IsEmptyElement)
                    {
                        hidden = Math.Max(0, hidden + (tag.IsEndTag ? -1 : 1));
                    }

                    break;
                case HtmlTagToken tag when tag.Id == HtmlTagId.Br:
                    writer.LineBreak();
                    break;
                case HtmlTagToken tag when BlockTags.Contains(tag.Id):
                    writer.EndBlock();
                    if (tag.Id == HtmlTagId.BlockQuote)
                    {
                        writer.QuoteDepth = Math.Max(0, writer.QuoteDepth + (tag.IsEndTag ? -1 : 1));
                    }
                    else if (tag.Id == HtmlTagId.Pre)
                    {
                        pre = Math.Max(0, pre + (tag.IsEndTag ? -1 : 1));
                    }
                    else if (tag.Id == HtmlTagId.LI && !tag.IsEndTag)
                    {
                        writer.Text("- ", preformatted: true);
                    }

                    break;
                case HtmlScriptDataToken:
                    break;
                case HtmlDataToken data when hidden == 0:
                    writer.Text(data.Data, pre > 0);
                    break;
            }
        }

        return writer.ToString();
    }

    private sealed class Writer
    {
        private readonly StringBuilder output = new();
        private bool atLineStart = true;
        private bool pendingSpace;

        public int QuoteDepth { get; set; }

        public void Text(string text, bool preformatted)
        {
            foreach (var c in text)
            {
                if (c == '\n' && preformatted)
                {
                    LineBreak();
                }
                else if (char.IsWhiteSpace(c) && !preformatted)
                {
                    pendingSpace = !atLineStart;
                }
                else if (c != '\r')
                {
                    if (atLineStart)
                    {
                        output.Append(string.Concat(Enumerable.Repeat("> ", QuoteDepth)));
                        atLineStart = false;
                    }
                    else if (pendingSpace)
                    {
                        output.Append(' ');
                    }

                    pendingSpace = false;
                    output.Append(c);
                }
            }
        }

        public void LineBreak()
        {
            if (atLineStart && QuoteDepth > 0)
            {
                output.Append(string.Concat(Enumerable.Repeat(">", QuoteDepth)));
            }

            output.Append('\n');
            atLineStart = true;
            pendingSpace = false;
        }

        public void EndBlock()
        {
            if (!atLineStart)
            {
                LineBreak();
            }
        }

        public override string ToString() => CollapseBlankLines(output.ToString()).Trim('\n', ' ');

        private static string CollapseBlankLines(string text)
        {
            var builder = new StringBuilder(text.Length);
            var newlines = 0;
            foreach (var c in text)
            {
                newlines = c == '\n' ? newlines + 1 : 0;
                if (newlines <= 2)
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }
    }
}
