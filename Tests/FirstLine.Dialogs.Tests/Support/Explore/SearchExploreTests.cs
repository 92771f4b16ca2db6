using FirstLine.Dialogs.Tests.Support.TestSupport;
using Xunit.Abstractions;

namespace FirstLine.Dialogs.Tests.Support.Explore;

public sealed class SearchExploreTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ExploreSearch()
    {
        var path = Environment.GetEnvironmentVariable("EXPLORE_SEARCH");
        if (path is null)
        {
            return;
        }

        var kb = await SupportTestHost.KnowledgeBaseAsync();
        foreach (var line in await File.ReadAllLinesAsync(path))
        {
            var parts = line.Split('|');
            var result = await kb.SearchAsync(parts[1], parts[0], CancellationToken.None);
            output.WriteLine($"{result.Decision,-9} {string.Join(", ", result.Candidates.Take(3).Select(c => $"{c.Article.Id} {c.Confidence:F2}"))}  <= {parts[1]}");
        }
    }
}
