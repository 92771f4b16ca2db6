using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FirstLine.Bot.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<FirstLineDbContext>
{
    public FirstLineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FirstLineDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
