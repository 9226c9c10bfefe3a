/* Unit tests of request validation (eic_validate.c): every boundary of the
 * Lambda model, every accepted form, and characters that must never pass. */
#include <string.h>

#include "eic_test.h"
#include "eic_validate.h"

/* n copies of c after prefix, then suffix, in a static buffer. */
static const char *make(const char *prefix, char c, size_t n, const char *suffix)
{
    static char buf[EIC_MARKER_MAX + 2048]; /* the longest value any test makes, with room */
    size_t p = strlen(prefix);
    memcpy(buf, prefix, p);
    memset(buf + p, c, n);
    strcpy(buf + p + n, suffix);
    return buf;
}

static void function_name_forms_are_accepted(void)
{
    static const char *const ok[] = {
        "my-function",
        "my_function.v2",
        "a",
        "my-function:alias",
        "my-function:$LATEST",
        "my-function:$LATEST.PUBLISHED",
        "my-function:7",
        "123456789012:function:my-function",
        "123456789012:function:my-function:prod",
        "arn:aws:lambda:us-west-2:123456789012:function:my-function",
        "arn:aws:lambda:us-west-2:123456789012:function:my-function:$LATEST",
        "arn:aws-cn:lambda:cn-north-1:123456789012:function:f",
        "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f",
        "arn:aws-iso:lambda:us-iso-east-1:123456789012:function:f",
        "arn:aws-iso-b:lambda:us-isob-east-1:123456789012:function:f",
        "arn:aws-eusc:lambda:eusc-de-east-1:123456789012:function:f",
        "us-west-2:my-function",
        "function:my-function",
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        if (eic_validate_function_name(ok[i]) != EIC_OK) {
            printf("  rejected %s\n", ok[i]);
        }
        EIC_CHECK_STATUS(eic_validate_function_name(ok[i]), EIC_OK);
    }
}

static void function_name_bad_shapes_are_refused(void)
{
    static const char *const bad[] = {
        "",
        ".",
        "..",
        "my function",
        "my/function",
        "my-function:",
        "my-function:ali.as",
        "my-function:a:b",
        "arn:aws:s3:us-west-2:123456789012:function:f",
        "arn:aws:lambda:us-west-2:12345678901:function:f",
        "arn:gcp:lambda:us-west-2:123456789012:function:f",
        "arn:aws:lambda:US-WEST-2:123456789012:function:f",
        "caf\xc3\xa9",
        "f\r\nX-Injected: 1",
        "f\n",
        "f\x01",
        "f\x7f",
        "f\t",
        "f%3A",
        "f?q=1",
        "f#x",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        EIC_CHECK_STATUS(eic_validate_function_name(bad[i]), EIC_ERR_INVALID_ARGUMENT);
    }
    EIC_CHECK_STATUS(eic_validate_function_name(NULL), EIC_ERR_INVALID_ARGUMENT);
}

static void function_name_part_stops_at_64(void)
{
    EIC_CHECK_STATUS(eic_validate_function_name(make("", 'n', 64, "")), EIC_OK);
    EIC_CHECK_STATUS(eic_validate_function_name(make("", 'n', 65, "")), EIC_ERR_FIELD_TOO_LONG);
    EIC_CHECK_STATUS(eic_validate_function_name(make("", 'n', 64, ":alias")), EIC_OK);
    EIC_CHECK_STATUS(eic_validate_function_name(make("", 'n', 65, ":alias")),
                     EIC_ERR_FIELD_TOO_LONG);
    EIC_CHECK_STATUS(eic_validate_function_name(make("123456789012:function:", 'n', 64, "")),
                     EIC_OK);
    EIC_CHECK_STATUS(eic_validate_function_name(make("123456789012:function:", 'n', 65, "")),
                     EIC_ERR_FIELD_TOO_LONG);
}

static void whole_function_name_stops_at_256(void)
{
    /* A long partition name makes a full ARN of exactly 256 and 257. */
    const char *tail = ":lambda:us-west-2:123456789012:function:my-function:prod";
    size_t pad = 256 - strlen("arn:aws") - strlen(tail);
    EIC_CHECK(strlen(make("arn:aws", 'x', pad, tail)) == 256);
    EIC_CHECK_STATUS(eic_validate_function_name(make("arn:aws", 'x', pad, tail)), EIC_OK);
    EIC_CHECK_STATUS(eic_validate_function_name(make("arn:aws", 'x', pad + 1, tail)),
                     EIC_ERR_FIELD_TOO_LONG);
}

static void qualifier_forms_and_length(void)
{
    EIC_CHECK_STATUS(eic_validate_qualifier("$LATEST"), EIC_OK);
    EIC_CHECK_STATUS(eic_validate_qualifier("$LATEST.PUBLISHED"), EIC_OK);
    EIC_CHECK_STATUS(eic_validate_qualifier("42"), EIC_OK);
    EIC_CHECK_STATUS(eic_validate_qualifier("prod_v-2$"), EIC_OK);
    EIC_CHECK_STATUS(eic_validate_qualifier(make("", 'q', 128, "")), EIC_OK);
    EIC_CHECK_STATUS(eic_validate_qualifier(make("", 'q', 129, "")), EIC_ERR_FIELD_TOO_LONG);
    EIC_CHECK_STATUS(eic_validate_qualifier(""), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_validate_qualifier("v1.2"), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_validate_qualifier("a b"), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_validate_qualifier("a\r\n"), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_validate_qualifier(NULL), EIC_ERR_INVALID_ARGUMENT);
}

static void integer_ranges_are_inclusive(void)
{
    EIC_CHECK_STATUS(eic_validate_range(EIC_SET(0), 0, 2), EIC_OK);
    EIC_CHECK_STATUS(eic_validate_range(EIC_SET(2), 0, 2), EIC_OK);
    EIC_CHECK_STATUS(eic_validate_range(EIC_SET(3), 0, 2), EIC_ERR_OUT_OF_RANGE);
    EIC_CHECK_STATUS(eic_validate_range(EIC_SET(-1), 0, 2), EIC_ERR_OUT_OF_RANGE);
    EIC_CHECK_STATUS(eic_validate_range(EIC_SET(59), 60, 21600), EIC_ERR_OUT_OF_RANGE);
    EIC_CHECK_STATUS(eic_validate_range(EIC_SET(60), 60, 21600), EIC_OK);
    EIC_CHECK_STATUS(eic_validate_range(EIC_SET(21600), 60, 21600), EIC_OK);
    EIC_CHECK_STATUS(eic_validate_range(EIC_SET(21601), 60, 21600), EIC_ERR_OUT_OF_RANGE);
    EIC_CHECK_STATUS(eic_validate_range(EIC_SET(0), 1, 50), EIC_ERR_OUT_OF_RANGE);
    EIC_CHECK_STATUS(eic_validate_range(EIC_SET(1), 1, 50), EIC_OK);
    EIC_CHECK_STATUS(eic_validate_range(EIC_SET(50), 1, 50), EIC_OK);
    EIC_CHECK_STATUS(eic_validate_range(EIC_SET(51), 1, 50), EIC_ERR_OUT_OF_RANGE);
    /* Absent is not zero: it passes whatever the range. */
    eic_optional_int absent = {0, 99};
    EIC_CHECK_STATUS(eic_validate_range(absent, 1, 50), EIC_OK);
}

static void destination_forms_are_accepted(void)
{
    static const char *const ok[] = {
        "",
        "arn:aws:sqs:us-west-2:123456789012:dlq",
        "arn:aws:sns:us-west-2:123456789012:topic",
        "arn:aws:lambda:us-west-2:123456789012:function:f",
        "arn:aws:events:us-west-2:123456789012:event-bus/default",
        "arn:aws:s3:::my-bucket",
        "arn:aws-us-gov:sqs:us-gov-west-1:123456789012:q",
        "arn:aws:sqs:us-west-2:123456789012:q \"quoted\" \\ back:slash/é日本😀",
        "kafka://broker-1.example.com",
        "kafka://b",
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        if (eic_validate_destination(ok[i]) != EIC_OK) {
            printf("  rejected %s\n", ok[i]);
        }
        EIC_CHECK_STATUS(eic_validate_destination(ok[i]), EIC_OK);
    }
}

static void destination_bad_shapes_are_refused(void)
{
    static const char *const bad[] = {
        "sqs-queue",
        "arn:aws:sqs",
        "arn:aws:sqs:us-west-2:123456789012",
        "arn::sqs:us-west-2:123456789012:q",
        "arn:aws::us-west-2:123456789012:q",
        "arn:aws:sqs:uswest2:123456789012:q",
        "arn:aws:sqs:us-west-2:1234:q",
        "arn:aws:sqs:us-west-2:123456789012:q\r\nX: y",
        "arn:aws:sqs:us-west-2:123456789012:q\x01",
        "arn:aws:sqs:us-west-2:123456789012:q\xc2\x85",
        "arn:aws:sqs:us-west-2:123456789012:q\xe2\x80\xa8",
        "arn:aws:sqs:us-west-2:123456789012:q\xe2\x80\xa9",
        "arn:aws:sqs:us-west-2:123456789012:\xff",
        "arn:aws:sqs:us-west-2:123456789012:\xc3",
        "arn:aws:sqs:us-west-2:123456789012:\xed\xa0\x80",
        "arn:aws:sqs:us-west-2:123456789012:\xc0\xaf",
        "kafka://",
        "kafka://.broker",
        "kafka://b/r",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        EIC_CHECK_STATUS(eic_validate_destination(bad[i]), EIC_ERR_INVALID_ARGUMENT);
    }
    EIC_CHECK_STATUS(eic_validate_destination(NULL), EIC_ERR_INVALID_ARGUMENT);
}

static void destination_stops_at_350_characters(void)
{
    const char *prefix = "arn:aws:sqs:us-west-2:123456789012:";
    size_t pad = 350 - strlen(prefix);
    EIC_CHECK_STATUS(eic_validate_destination(make(prefix, 'q', pad, "")), EIC_OK);
    EIC_CHECK_STATUS(eic_validate_destination(make(prefix, 'q', pad + 1, "")),
                     EIC_ERR_FIELD_TOO_LONG);
    /* The model counts characters, not bytes. */
    static char wide[4 * EIC_DESTINATION_MAX + 8];
    strcpy(wide, prefix);
    for (size_t i = 0; i < pad; i++) {
        strcat(wide, "\xc3\xa9");
    }
    EIC_CHECK_STATUS(eic_validate_destination(wide), EIC_OK);
    strcat(wide, "\xc3\xa9");
    EIC_CHECK_STATUS(eic_validate_destination(wide), EIC_ERR_FIELD_TOO_LONG);
    EIC_CHECK_STATUS(eic_validate_destination(make("kafka://b", 'k', 248, "")), EIC_OK);
    EIC_CHECK_STATUS(eic_validate_destination(make("kafka://b", 'k', 249, "")),
                     EIC_ERR_INVALID_ARGUMENT);
}

static void marker_is_opaque_text_up_to_its_limit(void)
{
    EIC_CHECK_STATUS(eic_validate_marker("abc/+="), EIC_OK);
    EIC_CHECK_STATUS(eic_validate_marker("é 日本"), EIC_OK);
    EIC_CHECK_STATUS(eic_validate_marker(""), EIC_OK);
    EIC_CHECK_STATUS(eic_validate_marker(make("", 'm', EIC_MARKER_MAX, "")), EIC_OK);
    EIC_CHECK_STATUS(eic_validate_marker(make("", 'm', EIC_MARKER_MAX + 1, "")),
                     EIC_ERR_FIELD_TOO_LONG);
    EIC_CHECK_STATUS(eic_validate_marker("a\nb"), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_validate_marker("\xfe"), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_validate_marker(NULL), EIC_ERR_INVALID_ARGUMENT);
}

int main(void)
{
    EIC_RUN(function_name_forms_are_accepted);
    EIC_RUN(function_name_bad_shapes_are_refused);
    EIC_RUN(function_name_part_stops_at_64);
    EIC_RUN(whole_function_name_stops_at_256);
    EIC_RUN(qualifier_forms_and_length);
    EIC_RUN(integer_ranges_are_inclusive);
    EIC_RUN(destination_forms_are_accepted);
    EIC_RUN(destination_bad_shapes_are_refused);
    EIC_RUN(destination_stops_at_350_characters);
    EIC_RUN(marker_is_opaque_text_up_to_its_limit);
    return EIC_TEST_END();
}
