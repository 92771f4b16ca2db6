namespace FirstLine.Bot.Commands.Eval.Mime;

/// <summary>
/// Feeds every mail of a folder tree to the pipeline, one after another, each under a time limit: a mail that hangs
/// or makes the pipeline throw is recorded as such and the run goes on with the next.
/// </summary>
internal static class MimeEvaluation
{
    public static async Task<MimeReport> RunAsync(MimeEvaluationHost host, string folder, string pattern, TimeSpan limit, CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        var files = MailFiles.In(folder, pattern).ToList();
        var outcomes = new List<MailOutcome>();
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(folder, file);
            var mails = await WithinAsync(name, limit, token => MailFiles.ReadAsync(folder, file, host.MaxMessageBytes, token), ct);
            if (mails.Problem is { } unreadable)
            {
                outcomes.Add(unreadable);
                continue;
            }

            foreach (var mail in mails.Value!)
            {
                var uid = (uint)outcomes.Count + 1;
                var outcome = await WithinAsync(mail.Name, limit, token => host.ProcessAsync(mail, uid, token), ct);
                outcomes.Add(outcome.Problem ?? outcome.Value!);
            }
        }

        return new MimeReport(folder, files.Count, outcomes, await host.CountAnswersAsync(ct), TimeProvider.System.GetElapsedTime(started));
    }

    // The work runs on the thread pool so that even a synchronous loop inside a parser cannot hold the run; it is
    // cancelled at the limit and, should it not stop, left behind.
    private static async Task<(T? Value, MailOutcome? Problem)> WithinAsync<T>(string name, TimeSpan limit, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        try
        {
            return (await Task.Run(() => work(timeout.Token), timeout.Token).WaitAsync(limit, ct), null);
        }
        catch (Exception exception) when (exception is TimeoutException || (exception is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return (default, new MailOutcome(name, MailOutcomeKind.TimedOut, $"not done within {limit.TotalSeconds:0.#} s", null, TimeProvider.System.GetElapsedTime(started)));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Not swallowed: it is the finding this command exists for, reported with its type and message.
            return (default, new MailOutcome(name, MailOutcomeKind.Error, Describe(exception), null, TimeProvider.System.GetElapsedTime(started)));
        }
    }

    // The innermost cause too: a wrapper such as TypeInitializationException says little by itself.
    private static string Describe(Exception exception)
    {
        var text = $"{exception.GetType().Name}: {exception.Message}";
        var cause = exception.GetBaseException();
        return cause == exception ? text : $"{text} (cause: {cause.GetType().Name}: {cause.Message})";
    }
}
