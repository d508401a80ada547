using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrustFund.Hosting.Http;

/// <summary>
/// Every string of every JSON body passes here, so no endpoint can forget to refuse control characters (see
/// <see cref="ValidationRules.HasControlCharacters"/>). Tab and line breaks stay allowed: reasons and purposes may span
/// lines, and the one-line fields (ids, codes, dates) are held to their own formats anyway.
/// </summary>
internal sealed class TextConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return value is not null && ValidationRules.HasControlCharacters(value)
            ? throw new RefusedValueException(ValidationRules.ControlCharactersRule,
                "holds a control character (NUL, BEL, ESC, C1 or a bidirectional control); only printable text, tabs and line breaks are accepted.")
            : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>A JSON value refused by a rule while the body is read; the serializer adds the path of the field.</summary>
public sealed class RefusedValueException(string rule, string message) : JsonException(message)
{
    public string Rule { get; } = rule;
}
