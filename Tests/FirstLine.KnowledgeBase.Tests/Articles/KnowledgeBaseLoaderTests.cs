using FirstLine.KnowledgeBase.Articles;
using FirstLine.KnowledgeBase.Tests.TestSupport;

namespace FirstLine.KnowledgeBase.Tests.Articles;

public class KnowledgeBaseLoaderTests
{
    private readonly KnowledgeBaseLoader loader = new();

    [Fact]
    public async Task The_fixture_knowledge_base_loads_both_languages_without_problems()
    {
        var result = await loader.LoadAsync(Paths.Fixtures("kb"), null, CancellationToken.None);

        Assert.Empty(result.Report.Problems);
        Assert.Equal(12, result.Articles.Count);
        Assert.Contains(result.Articles, a => a.Key == new ArticleKey("de", "printer-not-printing"));
        Assert.Contains(result.Articles, a => a.Key == new ArticleKey("en", "printer-not-printing"));
        Assert.NotNull(result.Articles.Single(a => a.Key == new ArticleKey("de", "wlan-no-connection")).Flow);
    }

    [Fact]
    public async Task Broken_files_are_reported_with_path_and_reason_and_the_rest_is_served()
    {
        var result = await loader.LoadAsync(Paths.Fixtures("broken"), null, CancellationToken.None);
        string ReasonFor(string file) => result.Report.Problems.Single(p => Path.GetFileName(p.Path) == file).Reason;

        Assert.Equal(["good"], result.Articles.Select(a => a.Id));
        Assert.Contains("YAML error at line", ReasonFor("bad-yaml.md"), StringComparison.Ordinal);
        Assert.Contains("missing required key 'title'", ReasonFor("missing-title.md"), StringComparison.Ordinal);
        Assert.Contains("goes to 'nowhere'", ReasonFor("dangling-flow.md"), StringComparison.Ordinal);
        Assert.Contains(result.Report.Problems, p => p.Reason.StartsWith("duplicate article 'en/good'", StringComparison.Ordinal));
        Assert.Contains(result.Report.Warnings, w => w.Reason.Contains("'owner'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_folder_is_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<KnowledgeBaseException>(() =>
            loader.LoadAsync("/no/such/folder", null, CancellationToken.None));

        Assert.Contains("KnowledgeBase:Path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_edit_keeps_the_last_good_version_of_that_article()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("a.md", "---\nid: a\nlanguage: en\ntitle: \"A\"\ncategory: c\nquestions: [\"q\"]\n---\nGood body");
        var first = await loader.LoadAsync(folder.Path, null, CancellationToken.None);

        File.WriteAllText(file, "---\nid: a\ntitle: \"broken\n---\n");
        var second = await loader.LoadAsync(folder.Path, first.Articles, CancellationToken.None);

        Assert.Equal("Good body", Assert.Single(second.Articles).Body);
        Assert.Single(second.Report.Problems);
    }

    [Fact]
    public async Task A_deleted_file_is_no_longer_served()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("a.md", "---\nid: a\nlanguage: en\ntitle: \"A\"\ncategory: c\nquestions: [\"q\"]\n---\n");
        var first = await loader.LoadAsync(folder.Path, null, CancellationToken.None);

        File.Delete(file);
        var second = await loader.LoadAsync(folder.Path, first.Articles, CancellationToken.None);

        Assert.Empty(second.Articles);
    }
}
