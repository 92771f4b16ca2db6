using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FirstLine.Channels.Schema;

/// <summary>
/// Writes timestamps as UTC with a trailing <c>Z</c> and seven fractional digits, as the
/// Activity spec (A2043) and the Direct Line service do.
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset?>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStringValue(value.Value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
    }
}
