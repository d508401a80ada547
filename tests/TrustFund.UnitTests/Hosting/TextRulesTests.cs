using System.Text.Json;
using TrustFund.Hosting.Http;

namespace TrustFund.UnitTests.Hosting;

public sealed class TextRulesTests
{
    private sealed record Earmark(string? Kind, string? WindowId);

    private sealed record Body(decimal? Amount, string? Reason, Earmark? Earmark, IReadOnlyList<Earmark>? Lines);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowDuplicateProperties = false,
        Converters = { new TextConverter() },
    };

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u0007")]
    [InlineData("\u001b")]
    [InlineData("\u007f")]
    [InlineData("\u0080")]
    [InlineData("\u009f")]
    [InlineData("\u061c")]
    [InlineData("\u200e")]
    [InlineData("\u200f")]
    [InlineData("\u202a")]
    [InlineData("\u202e")]
    [InlineData("\u2066")]
    [InlineData("\u2069")]
    public void Control_characters_are_refused_in_any_text(string control)
    {
        Assert.True(ValidationRules.HasControlCharacters($"a{control}b"));
        Assert.True(ValidationRules.HasControlCharactersInLine($"a{control}b"));
    }

    [Theory]
    [InlineData("Line one\r\nline two")]
    [InlineData("Column\tcolumn")]
    [InlineData("Ünïcödé, 中文, العربية, emoji 🎉")]
    public void Free_text_may_hold_tabs_line_breaks_and_any_printable_script(string text)
    {
        Assert.False(ValidationRules.HasControlCharacters(text));
        Assert.Equal(text.IndexOfAny(['\t', '\r', '\n']) >= 0, ValidationRules.HasControlCharactersInLine(text));
    }

    [Fact]
    public void A_string_with_a_control_character_is_refused_while_the_body_is_read_naming_its_path()
    {
        var refused = Assert.Throws<RefusedValueException>(() =>
            JsonSerializer.Deserialize<Body>("""{"lines": [{"kind": "window"}, {"kind": "a\u0000b"}]}""", Options));

        Assert.Equal("control-characters", refused.Rule);
        Assert.Equal("lines[1].kind", BadRequestExceptionHandler.FieldOf(refused.Path));
    }

    [Fact]
    public void A_string_with_line_breaks_is_read_and_written_unchanged()
    {
        var body = JsonSerializer.Deserialize<Body>("""{"reason": "one\ntwo\tthree"}""", Options)!;

        Assert.Equal("one\ntwo\tthree", body.Reason);
        Assert.Equal("""{"amount":null,"reason":"one\ntwo\tthree","earmark":null,"lines":null}""", JsonSerializer.Serialize(body, Options));
    }

    [Theory]
    [InlineData("""{"amount": 10, "amount": 999999}""", "amount")]
    [InlineData("""{"amount": 10, "Amount": 99999}""", "amount")]
    [InlineData("""{"earmark": {"kind": "window", "KIND": "project"}}""", "earmark.kind")]
    [InlineData("""{"lines": [{"kind": "a"}, {"windowId": "w", "WindowId": "v"}]}""", "lines[1].windowId")]
    public void A_field_named_twice_in_any_letter_case_at_any_depth_is_named_as_the_request_spells_it(string json, string field)
    {
        var duplicate = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Body>(json, Options));

        Assert.Equal(field, BadRequestExceptionHandler.FieldOf(duplicate.Path, BadRequestExceptionHandler.DuplicateOf(duplicate.Message)));
    }
}
