using Xunit.Sdk;

namespace FirstLine.Dialogs.Tests.Harness;

/// <summary>A transcript step failed; the message carries the whole transcript so far.</summary>
public sealed class TranscriptAssertionException(string message, Exception? innerException = null)
    : XunitException(message, innerException);
