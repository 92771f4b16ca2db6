namespace FirstLine.Bot.Tests.RealClients;

/// <summary>
/// Real clients (node, Chromium) are heavy on a 2-core machine; they run one after another, after the other
/// tests, against one shared server (the restart test brings its own).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealClientsCollection : ICollectionFixture<SharedFirstLineServer>
{
    public const string Name = "Real clients";
}
