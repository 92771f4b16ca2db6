using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace FirstLine.KnowledgeBase.Articles;

/// <summary>Reads one article file: YAML front matter between <c>---</c> lines, then the Markdown body.</summary>
public static class ArticleParser
{
    public static readonly IReadOnlySet<string> Languages = new HashSet<string>(StringComparer.Ordinal) { "de", "en" };

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>Parses <paramref name="text"/> read from <paramref name="path"/>.</summary>
    /// <param name="path">where the text came from, for messages and the folder check</param>
    /// <param name="text">the whole file</param>
    /// <param name="warnings">receives what is odd but does not stop the article from being served</param>
    /// <exception cref="ArticleFormatException">the article cannot be served; the message says why</exception>
    public static Article Parse(string path, string text, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(warnings);
        var (yaml, body) = SplitFrontMatter(text);
        var frontMatter = Deserialize(yaml, warnings);
        return ToArticle(frontMatter, body.Trim(), path, warnings);
    }

    private static (string Yaml, string Body) SplitFrontMatter(string text)
    {
        var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            throw new ArticleFormatException("the file does not start with a '---' line opening the YAML front matter");
        }

        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (close < 0)
        {
            throw new ArticleFormatException("the YAML front matter is not closed by a '---' line");
        }

        return (string.Join('\n', lines[1..close]), string.Join('\n', lines[(close + 1)..]));
    }

    private static FrontMatter Deserialize(string yaml, ICollection<string> warnings)
    {
        try
        {
            var keys = Yaml.Deserialize<Dictionary<string, object?>>(yaml)
                ?? throw new ArticleFormatException("the YAML front matter is empty");
            foreach (var unknown in keys.Keys.Where(k => !FrontMatter.KnownKeys.Contains(k)))
            {
                warnings.Add($"unknown key '{unknown}' is ignored");
            }

            return Yaml.Deserialize<FrontMatter>(yaml);
        }
        catch (YamlException e)
        {
            // Line 1 of the front matter is line 2 of the file, after the opening '---'.
            var reason = (e.InnerException as YamlException ?? e).Message;
            throw new ArticleFormatException($"YAML error at line {e.Start.Line + 1}, column {e.Start.Column}: {reason}", e);
        }
    }

    private static Article ToArticle(FrontMatter fm, string body, string path, ICollection<string> warnings)
    {
        var errors = new List<string>();
        Require(fm.Id, "id", errors);
        Require(fm.Language, "language", errors);
        Require(fm.Title, "title", errors);
        Require(fm.Category, "category", errors);
        var questions = Clean(fm.Questions);
        if (questions.Count == 0)
        {
            errors.Add("missing required key 'questions' (a list of customer phrasings)");
        }

        if (fm.Language is not null && !Languages.Contains(fm.Language))
        {
            errors.Add($"language '{fm.Language}' is not supported; use 'de' or 'en'");
        }

        TroubleshootingFlow? flow = null;
        if (fm.Flow is not null)
        {
            var flowWarnings = new List<string>();
            flow = FlowReader.Read(fm.Flow, errors, flowWarnings);
            flowWarnings.ForEach(warnings.Add);
        }

        if (errors.Count > 0)
        {
            throw new ArticleFormatException(string.Join("; ", errors));
        }

        WarnWhenFolderDisagrees(path, fm.Language!, warnings);
        return new Article
        {
            Id = fm.Id!.Trim(),
            Language = fm.Language!,
            Title = fm.Title!.Trim(),
            Category = fm.Category!.Trim(),
            Questions = questions,
            Tags = Clean(fm.Tags),
            Related = Clean(fm.Related),
            Queue = fm.Queue,
            ServiceRequest = fm.ServiceRequest ?? false,
            Summary = fm.Summary,
            Body = body,
            Flow = flow,
            SourcePath = path,
        };
    }

    private static void Require(string? value, string key, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"missing required key '{key}'");
        }
    }

    private static List<string> Clean(List<string?>? values) =>
        values?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList() ?? [];

    // The language key is authoritative; a German article in the "en" folder is served but worth a look.
    private static void WarnWhenFolderDisagrees(string path, string language, ICollection<string> warnings)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(path));
        if (folder is not null && Languages.Contains(folder) && folder != language)
        {
            warnings.Add($"language '{language}' differs from the folder '{folder}'");
        }
    }
}
