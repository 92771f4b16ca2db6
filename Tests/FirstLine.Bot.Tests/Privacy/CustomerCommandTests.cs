using System.Text.Json;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.Commands;
using FirstLine.Bot.Tests.Support;

namespace FirstLine.Bot.Tests.Privacy;

public abstract class CustomerCommandTests(StorageProvider provider) : IAsyncLifetime
{
    private PrivacyHost host = null!;
    private PrivacyHost.Customer customer = null!;

    public async Task InitializeAsync()
    {
        host = await PrivacyHost.StartAsync(provider: provider);
        customer = await host.ChatAsync("Zora Quellmann", "zora@example.test", "Zoras Drucker XQ-7731 brennt");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Customer_export_writes_the_customers_data_as_json_to_the_file_given()
    {
        using var folder = new TemporaryDirectory("firstline-export");
        var file = Path.Combine(folder.Path, "zora.json");

        var run = await RunAsync("customer", "export", "--email", "zora@example.test", "--out", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"Exported 1 customer record(s), 1 ticket(s) and 1 conversation(s) of zora@example.test to {file}. Review internal notes before handing it over.", run.LastLine);
        using var export = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        Assert.Equal(customer.Ticket, export.RootElement.GetProperty("tickets")[0].GetProperty("number").GetString());
        Assert.Contains("Zoras Drucker XQ-7731 brennt", export.RootElement.GetProperty("conversations").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customer_export_without_a_file_prints_the_json()
    {
        var run = await RunAsync("customer", "export", "--ticket", customer.Ticket);

        Assert.Equal(0, run.ExitCode);
        using var export = JsonDocument.Parse(run.Out);
        Assert.Equal("zora@example.test", export.RootElement.GetProperty("customers")[0].GetProperty("email").GetString());
    }

    [Fact]
    public async Task Customer_erase_reports_what_it_erased_and_then_that_nothing_is_left()
    {
        var run = await RunAsync("customer", "erase", "--email", "zora@example.test");
        var again = await RunAsync("customer", "erase", "--ticket", customer.Ticket);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"Erased the data of zora@example.test: tickets {customer.Ticket} anonymised; 1 customers, 1 tickets, 1 notes, 1 conversations, ", run.LastLine, StringComparison.Ordinal);
        Assert.Equal("[erased]", (await host.TicketAsync(customer.Ticket)).Subject);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal($"Nothing left to erase for the requester of {customer.Ticket} (erased already).", again.LastLine);
    }

    [Theory]
    [InlineData("export", "--email", "nobody@example.test", "customer export: There is no customer data for 'nobody@example.test' (never stored, or erased already).")]
    [InlineData("erase", "--email", "nobody@example.test", "customer erase: There is no customer data for 'nobody@example.test' (never stored, or erased already).")]
    [InlineData("erase", "--ticket", "FL-99999", "customer erase: There is no ticket FL-99999.")]
    public async Task An_unknown_customer_exits_2_with_a_message(string command, string option, string value, string message)
    {
        var run = await RunAsync("customer", command, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(message, run.Error.Trim());
        Assert.Equal(string.Empty, run.Out);
    }

    [Theory]
    [InlineData("customer erase: name the customer with either --email or --ticket")]
    [InlineData("customer erase: name the customer with either --email or --ticket", "--email", "a@example.test", "--ticket", "FL-00001")]
    [InlineData("customer erase: 'no-address' is not an e-mail address, e.g. kunde@example.com.", "--email", "no-address")]
    public async Task Naming_no_customer_or_two_or_a_bad_address_exits_2_with_the_usage(string message, params string[] options)
    {
        var run = await RunAsync(["customer", "erase", .. options]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([message, "usage: FirstLine.Bot customer erase --email E | --ticket N"], run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private Task<CommandRun> RunAsync(params string[] args) => CommandRun.RunWithAsync(args, host.Host.StorageConfiguration());
}

public sealed class CustomerCommandOnSqliteTests() : CustomerCommandTests(StorageProvider.Sqlite);

public sealed class CustomerCommandOnPostgreSqlTests() : CustomerCommandTests(StorageProvider.PostgreSql);
