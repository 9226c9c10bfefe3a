/* Unit tests of the JSON writer (eic_json_write.c): string escaping of every
 * control character (as \u00XX: validation refuses them in every input, so
 * the writer needs no shorter forms), and the Put/Update body with absent
 * versus zero. */
#include <string.h>

#include "eic_json_write.h"
#include "eic_test.h"

static char out[4096];
static eic_sink sink;

static void start(void)
{
    eic_sink_to_buffer(&sink, out, sizeof out);
}

static void every_control_character_is_escaped(void)
{
    static const char *const want[32] = {
        "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
        "\\u0008", "\\u0009", "\\u000A", "\\u000B", "\\u000C", "\\u000D", "\\u000E", "\\u000F",
        "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
        "\\u0018", "\\u0019", "\\u001A", "\\u001B", "\\u001C", "\\u001D", "\\u001E", "\\u001F",
    };
    for (unsigned c = 0; c < 32; c++) {
        char in = (char)c;
        char expected[16] = "\"";
        strcat(expected, want[c]);
        strcat(expected, "\"");
        start();
        eic_json_write_string(&sink, &in, 1);
        EIC_CHECK_STATUS(eic_sink_flush(&sink), EIC_OK);
        EIC_CHECK_TEXT(out, sink.len, expected);
    }
    start();
    eic_json_write_string(&sink, "\x7f", 1);
    EIC_CHECK_TEXT(out, sink.len, "\"\\u007F\"");
}

static void quotes_and_backslashes_are_escaped(void)
{
    start();
    eic_json_write_string(&sink, "a\"b\\c/d", 7);
    EIC_CHECK_TEXT(out, sink.len, "\"a\\\"b\\\\c/d\"");
}

static void utf8_passes_through(void)
{
    const char *s = "caf\xc3\xa9 \xe6\x97\xa5 \xf0\x9f\x98\x80";
    start();
    eic_json_write_string(&sink, s, strlen(s));
    EIC_CHECK_TEXT(out, sink.len, "\"caf\xc3\xa9 \xe6\x97\xa5 \xf0\x9f\x98\x80\"");
}

static void empty_string_is_two_quotes(void)
{
    start();
    eic_json_write_string(&sink, "", 0);
    EIC_CHECK_TEXT(out, sink.len, "\"\"");
}

static int body_is(const eic_put_request *r, const char *want)
{
    start();
    eic_json_write_config_body(&sink, r);
    if (eic_sink_flush(&sink) != EIC_OK || sink.len != strlen(want) ||
        memcmp(out, want, sink.len) != 0) {
        printf("  body \"%.*s\", want \"%s\"\n", (int)sink.len, out, want);
        return 0;
    }
    return 1;
}

static void put_with_no_settings_is_an_empty_object(void)
{
    eic_put_request r = {"f", NULL, {0, 0}, {0, 0}, {0, {0, NULL}, {0, NULL}}};
    EIC_CHECK(body_is(&r, "{}"));
}

static void zero_retries_is_sent_as_zero(void)
{
    eic_put_request r = {"f", NULL, EIC_SET(0), {0, 0}, {0, {0, NULL}, {0, NULL}}};
    EIC_CHECK(body_is(&r, "{\"MaximumRetryAttempts\":0}"));
}

static void every_member_in_model_order(void)
{
    eic_put_request r = {"f",
                         NULL,
                         EIC_SET(2),
                         EIC_SET(21600),
                         {0, EIC_DESTINATION("arn:aws:sqs:r:1:a"), EIC_DESTINATION("x")}};
    EIC_CHECK(body_is(&r, "{\"MaximumRetryAttempts\":2,\"MaximumEventAgeInSeconds\":21600,"
                          "\"DestinationConfig\":{\"OnSuccess\":{\"Destination\":\"arn:aws:sqs:r:"
                          "1:a\"},\"OnFailure\":{\"Destination\":\"x\"}}}"));
}

static void empty_destination_clears_one(void)
{
    eic_put_request r = {"f", NULL, {0, 0}, {0, 0}, {0, {0, NULL}, EIC_DESTINATION("")}};
    EIC_CHECK(body_is(&r, "{\"DestinationConfig\":{\"OnFailure\":{\"Destination\":\"\"}}}"));
}

static void destination_config_can_be_sent_empty(void)
{
    eic_put_request r = {"f", NULL, {0, 0}, {0, 0}, {1, {0, NULL}, {0, NULL}}};
    EIC_CHECK(body_is(&r, "{\"DestinationConfig\":{}}"));
}

static void destination_member_can_be_sent_without_destination(void)
{
    eic_put_request r = {"f", NULL, {0, 0}, {0, 0}, {0, {1, NULL}, {0, NULL}}};
    EIC_CHECK(body_is(&r, "{\"DestinationConfig\":{\"OnSuccess\":{}}}"));
}

static void destination_text_is_escaped(void)
{
    eic_put_request r = {
        "f", NULL, {0, 0}, EIC_SET(60), {0, EIC_DESTINATION("arn:aws:sqs:r:1:\"q\"\\"), {0, NULL}}};
    EIC_CHECK(body_is(&r, "{\"MaximumEventAgeInSeconds\":60,\"DestinationConfig\":{\"OnSuccess\":"
                          "{\"Destination\":\"arn:aws:sqs:r:1:\\\"q\\\"\\\\\"}}}"));
}

int main(void)
{
    EIC_RUN(every_control_character_is_escaped);
    EIC_RUN(quotes_and_backslashes_are_escaped);
    EIC_RUN(utf8_passes_through);
    EIC_RUN(empty_string_is_two_quotes);
    EIC_RUN(put_with_no_settings_is_an_empty_object);
    EIC_RUN(zero_retries_is_sent_as_zero);
    EIC_RUN(every_member_in_model_order);
    EIC_RUN(empty_destination_clears_one);
    EIC_RUN(destination_config_can_be_sent_empty);
    EIC_RUN(destination_member_can_be_sent_without_destination);
    EIC_RUN(destination_text_is_escaped);
    return EIC_TEST_END();
}
