using System.Globalization;

namespace FirstLine.Benchmarks;

/// <summary>
/// The host's 1-minute load average (Linux). Other processes on the machine compete for the same cores, and
/// a figure measured under a load average far above the core count says more about them than about FirstLine.
/// </summary>
internal static class MachineLoad
{
    public static double OneMinuteAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ', 2)[0];
            return double.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            return double.NaN;
        }
    }
}
