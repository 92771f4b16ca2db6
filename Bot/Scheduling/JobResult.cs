namespace FirstLine.Bot.Scheduling;

/// <summary>
/// What a run of a job did, in a sentence for admins ("3 mails sent"). <see cref="DidWork"/> false means there was
/// nothing to do: such runs are logged at Debug so a job that runs every few seconds does not flood the log.
/// </summary>
public readonly record struct JobResult(string Summary, bool DidWork)
{
    public static JobResult Done(string summary) => new(summary, DidWork: true);

    public static JobResult Idle(string summary) => new(summary, DidWork: false);
}
