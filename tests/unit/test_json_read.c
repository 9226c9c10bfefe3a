/* Unit tests for eic_json_read.h / eic_json_read.c: parsing into a token
 * array with full well-formedness checks, walking subtrees, and reading
 * strings, integers and timestamps (epoch numbers, and ISO 8601 strings
 * with EIC_WITH_ISO8601_TIMESTAMPS). */
#include <stdint.h>
#include <string.h>

#include "eic_json_read.h"
#include "eic_test.h"

#define TOKENS 64

/* The shape of a real Get response (protocol.md "Responses"). */
#define REAL_CONFIG                                                                            \
    "{\"FunctionArn\":\"arn:aws:lambda:us-west-2:123456789012:function:my-function:$LATEST\"," \
    "\"MaximumRetryAttempts\":0,\"MaximumEventAgeInSeconds\":3600,"                            \
    "\"LastModified\":1573687896.493,\"DestinationConfig\":{\"OnSuccess\":{},"                 \
    "\"OnFailure\":{\"Destination\":\"arn:aws:sqs:us-west-2:123456789012:dlq\"}}}"

static eic_status parse_n(eic_json_doc *d, eic_json_token *tok, const char *js, size_t len)
{
    return eic_json_parse(d, js, len, tok, TOKENS);
}

static eic_status parse(eic_json_doc *d, eic_json_token *tok, const char *js)
{
    return parse_n(d, tok, js, strlen(js));
}

/* Every text in the NULL-terminated list is rejected as malformed. */
static int all_malformed(const char *const *texts)
{
    eic_json_token tok[TOKENS];
    eic_json_doc d;
    for (size_t i = 0; texts[i] != NULL; i++) {
        eic_status s = parse(&d, tok, texts[i]);
        if (s != EIC_ERR_MALFORMED_RESPONSE) {
            printf("  %s: \"%s\", want malformed\n", texts[i], eic_status_str(s));
            return 0;
        }
    }
    return 1;
}

/* Reads `value` as the only item of an array: its token is number 1. */
typedef struct {
    char text[160];
    eic_json_token tok[TOKENS];
    eic_json_doc doc;
} one_value;

static eic_status one_value_parse(one_value *v, const char *value)
{
    size_t n = strlen(value);
    if (n + 3 > sizeof v->text) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    v->text[0] = '[';
    memcpy(v->text + 1, value, n);
    v->text[n + 1] = ']';
    v->text[n + 2] = '\0';
    return parse(&v->doc, v->tok, v->text);
}

static eic_status string_of(const char *value, char *out, size_t cap)
{
    one_value v;
    eic_status s = one_value_parse(&v, value);
    if (s != EIC_OK) {
        return s;
    }
    /* As eic_response.c reads a string member into a field. */
    const eic_json_token *t = &v.doc.tok[1];
    eic_json_chars c = {v.doc.js + t->start, v.doc.js + t->end, EIC_TEXT_JSON};
    return t->type != JSMN_STRING ? EIC_ERR_MALFORMED_RESPONSE
                                  : eic_json_copy(&c, out, cap, EIC_COPY_STRICT);
}

static eic_status int32_of(const char *value, int32_t *out)
{
    one_value v;
    eic_status s = one_value_parse(&v, value);
    return s != EIC_OK ? s : eic_json_int32(&v.doc, 1, out);
}

static eic_status epoch_of(const char *value, int64_t *out)
{
    one_value v;
    eic_status s = one_value_parse(&v, value);
    return s != EIC_OK ? s : eic_json_epoch_ms(&v.doc, 1, out);
}

/* value reads as the timestamp want, in milliseconds. */
static int epoch_is(const char *value, int64_t want)
{
    int64_t got = -42;
    eic_status s = epoch_of(value, &got);
    if (s != EIC_OK || got != want) {
        printf("  %s: \"%s\", %lld ms, want %lld ms\n", value, eic_status_str(s), (long long)got,
               (long long)want);
        return 0;
    }
    return 1;
}

static int epoch_malformed(const char *value)
{
    int64_t got = 0;
    eic_status s = epoch_of(value, &got);
    if (s != EIC_ERR_MALFORMED_RESPONSE) {
        printf("  %s: \"%s\", want malformed\n", value, eic_status_str(s));
        return 0;
    }
    return 1;
}

static int int32_malformed(const char *value)
{
    int32_t got = 0;
    eic_status s = int32_of(value, &got);
    if (s != EIC_ERR_MALFORMED_RESPONSE) {
        printf("  %s: \"%s\", want malformed\n", value, eic_status_str(s));
        return 0;
    }
    return 1;
}

/* ---- parse ------------------------------------------------------------- */

static void parse_real_config_gives_one_token_per_value_under_an_object_root(void)
{
    eic_json_token tok[TOKENS];
    eic_json_doc d;
    EIC_CHECK_STATUS(parse(&d, tok, REAL_CONFIG), EIC_OK);
    /* EIC_JSON_TOKENS_PER_CONFIG less the OnSuccess Destination's key and value. */
    EIC_CHECK(d.count == EIC_JSON_TOKENS_PER_CONFIG - 2);
    EIC_CHECK(eic_json_is(&d, 0, JSMN_OBJECT));
    EIC_CHECK(d.tok[0].size == 5);
}

static void parse_succeeds_with_exactly_enough_tokens_and_not_one_less(void)
{
    eic_json_token tok[TOKENS];
    eic_json_doc d;
    EIC_CHECK_STATUS(eic_json_parse(&d, REAL_CONFIG, strlen(REAL_CONFIG), tok, 17), EIC_OK);
    EIC_CHECK_STATUS(eic_json_parse(&d, REAL_CONFIG, strlen(REAL_CONFIG), tok, 16),
                     EIC_ERR_TOO_FEW_TOKENS);
}

static void parse_of_a_text_malformed_before_the_array_runs_out_is_malformed(void)
{
    /* Too few tokens only for a text well-formed up to the token that does
     * not fit: a gateway's HTML page, or broken JSON, stays malformed. */
    static const char *const texts[] = {"[1,,2,3,4,5]",     "[1 2 3 4 5]",     "[tru,1,2,3,4]",
                                        "{\"a\":1}[1,2,3]", "<html>[1,2,3,4]", NULL};
    eic_json_token tok[TOKENS];
    eic_json_doc d;
    for (size_t i = 0; texts[i] != NULL; i++) {
        EIC_CHECK_STATUS(eic_json_parse(&d, texts[i], strlen(texts[i]), tok, 3),
                         EIC_ERR_MALFORMED_RESPONSE);
    }
    EIC_CHECK_STATUS(eic_json_parse(&d, "[1,2,3,4,", 9, tok, 3), EIC_ERR_TOO_FEW_TOKENS);
}

static void parse_keeps_tokens_of_a_deep_nesting_in_order(void)
{
    /* No recursion and no stack of its own: each open container keeps the
     * index of the one around it. */
    char text[2 * (TOKENS - 1) + 1];
    eic_json_token tok[TOKENS];
    eic_json_doc d;
    size_t depth = TOKENS - 1;
    memset(text, '[', depth);
    memset(text + depth, ']', depth);
    text[depth - 1] = '{';
    text[depth] = '}';
    EIC_CHECK_STATUS(eic_json_parse(&d, text, 2 * depth, tok, TOKENS), EIC_OK);
    EIC_CHECK(d.count == depth);
    EIC_CHECK(tok[depth - 1].type == JSMN_OBJECT && tok[depth - 1].size == 0);
    EIC_CHECK(tok[0].start == 0 && tok[0].end == (int)(2 * depth) && tok[0].size == 1);
    EIC_CHECK(tok[depth - 2].end == (int)depth + 2);
    EIC_CHECK_STATUS(eic_json_parse(&d, text, 2 * depth, tok, depth - 1), EIC_ERR_TOO_FEW_TOKENS);
}

static void parse_without_a_token_array_is_too_few_tokens(void)
{
    eic_json_token tok[1];
    eic_json_doc d;
    EIC_CHECK_STATUS(eic_json_parse(&d, "{}", 2, NULL, 8), EIC_ERR_TOO_FEW_TOKENS);
    EIC_CHECK_STATUS(eic_json_parse(&d, "{}", 2, tok, 0), EIC_ERR_TOO_FEW_TOKENS);
}

static void parse_of_empty_or_blank_text_is_malformed(void)
{
    eic_json_token tok[TOKENS];
    eic_json_doc d;
    EIC_CHECK_STATUS(parse_n(&d, tok, NULL, 0), EIC_ERR_MALFORMED_RESPONSE);
    EIC_CHECK_STATUS(parse(&d, tok, ""), EIC_ERR_MALFORMED_RESPONSE);
    EIC_CHECK_STATUS(parse(&d, tok, " \r\n\t"), EIC_ERR_MALFORMED_RESPONSE);
}

static void parse_of_every_truncation_of_a_real_body_is_malformed(void)
{
    eic_json_token tok[TOKENS];
    eic_json_doc d;
    for (size_t n = 1; n < strlen(REAL_CONFIG); n++) {
        eic_status s = parse_n(&d, tok, REAL_CONFIG, n);
        if (s != EIC_ERR_MALFORMED_RESPONSE) {
            printf("  cut at %u: \"%s\"\n", (unsigned)n, eic_status_str(s));
        }
        EIC_CHECK(s == EIC_ERR_MALFORMED_RESPONSE);
    }
}

static void parse_accepts_white_space_around_the_root(void)
{
    eic_json_token tok[TOKENS];
    eic_json_doc d;
    EIC_CHECK_STATUS(parse(&d, tok, " \r\n\t{ \"a\" : [ 1 , 2 ] }\r\n"), EIC_OK);
    EIC_CHECK(d.count == 5);
}

static void parse_rejects_anything_after_the_root(void)
{
    static const char *const texts[] = {"{\"a\":1} x",    "{\"a\":1} 5 ", "{\"a\":1}{}",
                                        "{\"a\":1}\"s\"", "{\"a\":1},",   NULL};
    eic_json_token tok[TOKENS];
    eic_json_doc d;
    EIC_CHECK(all_malformed(texts));
    /* A NUL byte is no white space: what follows it must still count. */
    EIC_CHECK_STATUS(parse_n(&d, tok, "{\"a\":1}\0{}", 10), EIC_ERR_MALFORMED_RESPONSE);
    EIC_CHECK_STATUS(parse_n(&d, tok, "{\"a\":1}\0", 8), EIC_ERR_MALFORMED_RESPONSE);
}

static void parse_rejects_separator_errors(void)
{
    static const char *const texts[] = {"{,\"a\":1}",
                                        "{\"a\"::1}",
                                        "{\"a\":1,}",
                                        "{\"a\":1,,\"b\":2}",
                                        "[1,,2]",
                                        "[1,]",
                                        "[,1]",
                                        "[1 2]",
                                        "{\"a\" \"b\"}",
                                        "{\"a\":}",
                                        "{\"a\":1 \"b\":2}",
                                        "[\"a\":1]",
                                        "{\"a\":\"b\":1}",
                                        "{\"a\"}",
                                        "{\"a\",\"b\":1}",
                                        NULL};
    EIC_CHECK(all_malformed(texts));
}

static void parse_rejects_bad_literals_and_numbers(void)
{
    static const char *const texts[] = {"[tru]", "[nul]",  "[falsey]",   "[01]", "[1.]", "[.5]",
                                        "[1e]",  "[1e+]",  "[-]",        "[-a]", "[+1]", "[1:2]",
                                        "[0x1]", "[1.5.]", "[Infinity]", NULL};
    EIC_CHECK(all_malformed(texts));
}

static void parse_rejects_raw_control_characters_and_bad_escapes_in_strings(void)
{
    static const char *const texts[] = {"[\"a\tb\"]", "[\"a\nb\"]",    "{\"k\x01\":1}",
                                        "[\"\\x\"]",  "[\"\\u12G4\"]", NULL};
    EIC_CHECK(all_malformed(texts));
}

static void parse_rejects_unmatched_brackets(void)
{
    static const char *const texts[] = {"{]", "[}", "]", "}", "{\"a\":[1}", "[[]", NULL};
    EIC_CHECK(all_malformed(texts));
}

static void parse_accepts_every_value_type_nested(void)
{
    eic_json_token tok[TOKENS];
    eic_json_doc d;
    EIC_CHECK_STATUS(parse(&d, tok,
                           "{\"a\":[true,false,null,-1.5e+3,0,-0.0E-0,\"s\",{},[]],"
                           "\"b\":{\"c\":[[{\"d\":\"\"}]]}}"),
                     EIC_OK);
    EIC_CHECK(d.count == 20);
}

static void parse_accepts_a_scalar_root(void)
{
    eic_json_token tok[TOKENS];
    eic_json_doc d;
    EIC_CHECK_STATUS(parse(&d, tok, "\"text\""), EIC_OK);
    EIC_CHECK(eic_json_is(&d, 0, JSMN_STRING));
    /* As in jsmn's strict mode, a number or literal needs a delimiter. */
    EIC_CHECK_STATUS(parse(&d, tok, "5 "), EIC_OK);
    EIC_CHECK_STATUS(parse(&d, tok, "true\n"), EIC_OK);
    EIC_CHECK_STATUS(parse(&d, tok, "5"), EIC_ERR_MALFORMED_RESPONSE);
    EIC_CHECK_STATUS(parse(&d, tok, "null"), EIC_ERR_MALFORMED_RESPONSE);
}

/* ---- walking ----------------------------------------------------------- */

static void next_skips_a_value_and_its_whole_subtree(void)
{
    eic_json_token tok[TOKENS];
    eic_json_doc d;
    /* 0 {  1 "a"  2 {  3 "b"  4 [  5 1  6 {  7 "c"  8 null  9 "d"  10 2 */
    EIC_CHECK_STATUS(parse(&d, tok, "{\"a\":{\"b\":[1,{\"c\":null}]},\"d\":2}"), EIC_OK);
    EIC_CHECK(d.count == 11);
    EIC_CHECK(eic_json_next(&d, 0) == 11);
    EIC_CHECK(eic_json_next(&d, 2) == 9);
    EIC_CHECK(eic_json_key_is(&d, 9, "d"));
    EIC_CHECK(eic_json_next(&d, 4) == 9);
    EIC_CHECK(eic_json_next(&d, 5) == 6);
    EIC_CHECK(eic_json_next(&d, 10) == 11);
}

static void key_is_compares_the_raw_text_exactly(void)
{
    eic_json_token tok[TOKENS];
    eic_json_doc d;
    EIC_CHECK_STATUS(parse(&d, tok, "{\"FunctionArn\":1,\"Function\\u0041rn\":2}"), EIC_OK);
    EIC_CHECK(eic_json_key_is(&d, 1, "FunctionArn"));
    EIC_CHECK(!eic_json_key_is(&d, 1, "FunctionAr"));
    EIC_CHECK(!eic_json_key_is(&d, 1, "FunctionArnX"));
    EIC_CHECK(!eic_json_key_is(&d, 1, "functionarn"));
    EIC_CHECK(!eic_json_key_is(&d, 3, "FunctionArn"));
    EIC_CHECK(!eic_json_key_is(&d, 2, "1")); /* a number is no key */
    EIC_CHECK(!eic_json_key_is(&d, 99, "FunctionArn"));
}

static void is_null_holds_only_for_the_literal(void)
{
    eic_json_token tok[TOKENS];
    eic_json_doc d;
    EIC_CHECK_STATUS(parse(&d, tok, "[null,\"null\",false,0]"), EIC_OK);
    EIC_CHECK(eic_json_is_null(&d, 1));
    EIC_CHECK(!eic_json_is_null(&d, 2));
    EIC_CHECK(!eic_json_is_null(&d, 3));
    EIC_CHECK(!eic_json_is_null(&d, 4));
}

/* ---- strings ----------------------------------------------------------- */

static void string_decodes_every_simple_escape(void)
{
    char out[32];
    EIC_CHECK_STATUS(string_of("\"q\\\"b\\\\s\\/b\\bf\\fn\\nr\\rt\\t\"", out, sizeof out), EIC_OK);
    EIC_CHECK_TEXT(out, strlen(out), "q\"b\\s/b\bf\fn\nr\rt\t");
}

static void string_decodes_u_escapes_to_utf8(void)
{
    char out[32];
    EIC_CHECK_STATUS(string_of("\"caf\\u00e9 \\u20AC \\u0041\"", out, sizeof out), EIC_OK);
    EIC_CHECK_TEXT(out, strlen(out), "caf\xC3\xA9 \xE2\x82\xAC A");
}

static void string_decodes_a_surrogate_pair_to_one_character(void)
{
    char out[32];
    EIC_CHECK_STATUS(string_of("\"\\ud83d\\ude00!\"", out, sizeof out), EIC_OK);
    EIC_CHECK_TEXT(out, strlen(out), "\xF0\x9F\x98\x80!");
}

static void string_keeps_raw_utf8_as_is(void)
{
    char out[32];
    EIC_CHECK_STATUS(string_of("\"caf\xC3\xA9 \xF0\x9F\x98\x80\"", out, sizeof out), EIC_OK);
    EIC_CHECK_TEXT(out, strlen(out), "caf\xC3\xA9 \xF0\x9F\x98\x80");
}

static void string_with_a_lone_high_surrogate_is_malformed(void)
{
    char out[32];
    EIC_CHECK_STATUS(string_of("\"\\ud83d\"", out, sizeof out), EIC_ERR_MALFORMED_RESPONSE);
    EIC_CHECK_STATUS(string_of("\"\\ud83dx\"", out, sizeof out), EIC_ERR_MALFORMED_RESPONSE);
    EIC_CHECK_STATUS(string_of("\"\\ud83d\\u0041\"", out, sizeof out), EIC_ERR_MALFORMED_RESPONSE);
    EIC_CHECK_STATUS(string_of("\"\\ud83d\\ud83d\"", out, sizeof out), EIC_ERR_MALFORMED_RESPONSE);
    EIC_CHECK(out[0] == '\0');
}

static void string_with_a_lone_low_surrogate_is_malformed(void)
{
    char out[32];
    EIC_CHECK_STATUS(string_of("\"a\\ude00\"", out, sizeof out), EIC_ERR_MALFORMED_RESPONSE);
    EIC_CHECK(out[0] == '\0');
}

static void string_with_an_escaped_nul_is_malformed(void)
{
    /* A C string cannot carry it: accepting it would cut the value silently. */
    char out[32];
    EIC_CHECK_STATUS(string_of("\"ab\\u0000cd\"", out, sizeof out), EIC_ERR_MALFORMED_RESPONSE);
}

static void string_with_invalid_utf8_is_malformed(void)
{
    char out[32];
    EIC_CHECK_STATUS(string_of("\"\xC3\"", out, sizeof out), EIC_ERR_MALFORMED_RESPONSE);
    EIC_CHECK_STATUS(string_of("\"\xC0\x80\"", out, sizeof out), EIC_ERR_MALFORMED_RESPONSE);
    EIC_CHECK_STATUS(string_of("\"\xED\xA0\x80\"", out, sizeof out), EIC_ERR_MALFORMED_RESPONSE);
}

static void string_exactly_filling_the_field_fits(void)
{
    char out[6];
    EIC_CHECK_STATUS(string_of("\"abcde\"", out, sizeof out), EIC_OK);
    EIC_CHECK_TEXT(out, strlen(out), "abcde");
    EIC_CHECK_STATUS(string_of("\"\"", out, sizeof out), EIC_OK);
    EIC_CHECK(out[0] == '\0');
}

static void string_one_byte_longer_than_the_field_is_too_long_not_cut(void)
{
    char out[6];
    EIC_CHECK_STATUS(string_of("\"abcdef\"", out, sizeof out), EIC_ERR_FIELD_TOO_LONG);
    EIC_CHECK(out[0] == '\0');
}

static void string_whose_last_character_straddles_the_limit_is_too_long(void)
{
    char out[6];
    /* "abc" and a two-byte é make 5: fits; "abcd" and é make 6: too long. */
    EIC_CHECK_STATUS(string_of("\"abc\\u00e9\"", out, sizeof out), EIC_OK);
    EIC_CHECK_STATUS(string_of("\"abcd\\u00e9\"", out, sizeof out), EIC_ERR_FIELD_TOO_LONG);
    EIC_CHECK(out[0] == '\0');
}

static void chars_reader_reads_an_escape_cut_short_or_unknown_as_a_bad_nul(void)
{
    /* Text the parser has not checked yet: only the backslash is passed. */
    static const char *const texts[] = {"\\", "\\x", "\\u12", "\\u12G4", NULL};
    for (size_t i = 0; texts[i] != NULL; i++) {
        eic_json_chars c = {texts[i], texts[i] + strlen(texts[i]), EIC_TEXT_JSON};
        uint32_t cp = 7;
        EIC_CHECK(eic_json_chars_next(&c, &cp) == EIC_JSON_CHARS_BAD && cp == 0);
        EIC_CHECK(c.p == texts[i] + 1);
    }
}

static void chars_reader_moves_past_bad_parts(void)
{
    eic_json_token tok[TOKENS];
    eic_json_doc d;
    eic_json_chars c;
    uint32_t cp;
    EIC_CHECK_STATUS(parse(&d, tok, "[\"a\\ud800b\xC3z\"]"), EIC_OK);
    c.p = d.js + d.tok[1].start;
    c.end = d.js + d.tok[1].end;
    c.kind = EIC_TEXT_JSON;
    EIC_CHECK(eic_json_chars_next(&c, &cp) == EIC_JSON_CHARS_OK && cp == 'a');
    EIC_CHECK(eic_json_chars_next(&c, &cp) == EIC_JSON_CHARS_BAD && cp == 0xFFFD);
    EIC_CHECK(eic_json_chars_next(&c, &cp) == EIC_JSON_CHARS_OK && cp == 'b');
    EIC_CHECK(eic_json_chars_next(&c, &cp) == EIC_JSON_CHARS_BAD && cp == 0xFFFD);
    EIC_CHECK(eic_json_chars_next(&c, &cp) == EIC_JSON_CHARS_OK && cp == 'z');
    EIC_CHECK(eic_json_chars_next(&c, &cp) == EIC_JSON_CHARS_END);
}

/* ---- integers ---------------------------------------------------------- */

static void int32_reads_zero_negatives_and_both_limits(void)
{
    int32_t v = -1;
    EIC_CHECK_STATUS(int32_of("0", &v), EIC_OK);
    EIC_CHECK(v == 0);
    EIC_CHECK_STATUS(int32_of("-0", &v), EIC_OK);
    EIC_CHECK(v == 0);
    EIC_CHECK_STATUS(int32_of("3600", &v), EIC_OK);
    EIC_CHECK(v == 3600);
    EIC_CHECK_STATUS(int32_of("-17", &v), EIC_OK);
    EIC_CHECK(v == -17);
    EIC_CHECK_STATUS(int32_of("2147483647", &v), EIC_OK);
    EIC_CHECK(v == INT32_MAX);
    EIC_CHECK_STATUS(int32_of("-2147483648", &v), EIC_OK);
    EIC_CHECK(v == INT32_MIN);
}

static void int32_past_either_limit_is_malformed(void)
{
    EIC_CHECK(int32_malformed("2147483648"));
    EIC_CHECK(int32_malformed("-2147483649"));
    EIC_CHECK(int32_malformed("99999999999999999999999"));
}

static void int32_of_a_fraction_exponent_or_other_type_is_malformed(void)
{
    EIC_CHECK(int32_malformed("1.0"));
    EIC_CHECK(int32_malformed("1e2"));
    EIC_CHECK(int32_malformed("\"1\""));
    EIC_CHECK(int32_malformed("true"));
    EIC_CHECK(int32_malformed("null"));
    EIC_CHECK(int32_malformed("[]"));
}

/* ---- timestamps -------------------------------------------------------- */

static void epoch_reads_seconds_with_a_fraction(void)
{
    EIC_CHECK(epoch_is("1573687896.493", 1573687896493LL));
    EIC_CHECK(epoch_is("1573687896.4", 1573687896400LL));
    EIC_CHECK(epoch_is("0.001", 1));
}

static void epoch_reads_whole_seconds(void)
{
    EIC_CHECK(epoch_is("1573687896", 1573687896000LL));
    EIC_CHECK(epoch_is("0", 0));
}

static void epoch_reads_exponent_forms(void)
{
    EIC_CHECK(epoch_is("1.573687896493E9", 1573687896493LL));
    EIC_CHECK(epoch_is("1.573687896493e+9", 1573687896493LL));
    EIC_CHECK(epoch_is("15736878964.93E-1", 1573687896493LL));
    EIC_CHECK(epoch_is("1573687896493e-3", 1573687896493LL));
    EIC_CHECK(epoch_is("0.1573687896493E10", 1573687896493LL));
    EIC_CHECK(epoch_is("1.5E9", 1500000000000LL));
    EIC_CHECK(epoch_is("2e0", 2000));
}

static void epoch_reads_a_numeric_string(void)
{
    EIC_CHECK(epoch_is("\"1573687896.493\"", 1573687896493LL));
    EIC_CHECK(epoch_is("\"1.573687896493E9\"", 1573687896493LL));
}

static void epoch_truncates_digits_past_the_millisecond_toward_zero(void)
{
    EIC_CHECK(epoch_is("1573687896.4939", 1573687896493LL));
    EIC_CHECK(epoch_is("1.5736878964939999E9", 1573687896493LL));
    EIC_CHECK(epoch_is("0.0009", 0));
    EIC_CHECK(epoch_is("-1.2345", -1234));
    EIC_CHECK(epoch_is("1e-999999999999999", 0));
}

static void epoch_at_the_int64_limit_fits_and_past_it_is_malformed(void)
{
    EIC_CHECK(epoch_is("9223372036854775.807", INT64_MAX));
    EIC_CHECK(epoch_is("-9223372036854775.807", -INT64_MAX));
    EIC_CHECK(epoch_malformed("9223372036854775.808"));
    EIC_CHECK(epoch_malformed("9223372036854776"));
    EIC_CHECK(epoch_malformed("1e999999999999999"));
    EIC_CHECK(epoch_is("92233720368547758070000000e-10", INT64_MAX));
    EIC_CHECK(epoch_malformed("92233720368547758080000000e-10"));
}

#if EIC_WITH_ISO8601_TIMESTAMPS
static void epoch_reads_an_iso8601_string_in_every_zone_form(void)
{
    EIC_CHECK(epoch_is("\"2019-11-13T23:31:36.493Z\"", 1573687896493LL));
    EIC_CHECK(epoch_is("\"2019-11-14T01:31:36.493+02:00\"", 1573687896493LL));
    EIC_CHECK(epoch_is("\"2019-11-13T18:01:36.493-0530\"", 1573687896493LL));
    EIC_CHECK(epoch_is("\"2019-11-13T23:31:36.493\"", 1573687896493LL));
}

static void epoch_reads_an_iso8601_string_with_nine_or_no_fraction_digits(void)
{
    EIC_CHECK(epoch_is("\"2026-11-26T17:21:50.975928000Z\"", 1795713710975LL));
    EIC_CHECK(epoch_is("\"2019-11-13T23:31:36Z\"", 1573687896000LL));
}

static void epoch_reads_an_iso8601_leap_day_of_a_leap_year(void)
{
    EIC_CHECK(epoch_is("\"2020-02-29T00:00:00Z\"", 1582934400000LL));
}

static void epoch_of_an_impossible_iso8601_date_or_time_is_malformed(void)
{
    EIC_CHECK(epoch_malformed("\"2019-02-29T00:00:00Z\""));
    EIC_CHECK(epoch_malformed("\"2019-13-01T00:00:00Z\""));
    EIC_CHECK(epoch_malformed("\"2019-11-13T24:00:00Z\""));
}

#else
static void epoch_of_an_iso8601_string_is_malformed_without_the_option(void)
{
    /* Devices read epoch seconds only, as the service model says. */
    EIC_CHECK(epoch_malformed("\"2019-11-13T23:31:36.493Z\""));
    EIC_CHECK(epoch_malformed("\"2020-02-29T00:00:00Z\""));
    EIC_CHECK(epoch_is("\"1573687896.493\"", 1573687896493LL));
}

#endif
static void epoch_of_anything_but_a_number_or_a_timestamp_is_malformed(void)
{
    EIC_CHECK(epoch_malformed("true"));
    EIC_CHECK(epoch_malformed("null"));
    EIC_CHECK(epoch_malformed("{}"));
    EIC_CHECK(epoch_malformed("\"\""));
    EIC_CHECK(epoch_malformed("\" 1573687896\""));
    EIC_CHECK(epoch_malformed("\"1573687896.\""));
    EIC_CHECK(epoch_malformed("\"0x10\""));
    EIC_CHECK(epoch_malformed("\"2019-11-13\""));
    EIC_CHECK(epoch_malformed("\"2019-11-13T23:31:36.493Z \""));
}

int main(void)
{
    EIC_RUN(parse_real_config_gives_one_token_per_value_under_an_object_root);
    EIC_RUN(parse_succeeds_with_exactly_enough_tokens_and_not_one_less);
    EIC_RUN(parse_of_a_text_malformed_before_the_array_runs_out_is_malformed);
    EIC_RUN(parse_keeps_tokens_of_a_deep_nesting_in_order);
    EIC_RUN(parse_without_a_token_array_is_too_few_tokens);
    EIC_RUN(parse_of_empty_or_blank_text_is_malformed);
    EIC_RUN(parse_of_every_truncation_of_a_real_body_is_malformed);
    EIC_RUN(parse_accepts_white_space_around_the_root);
    EIC_RUN(parse_rejects_anything_after_the_root);
    EIC_RUN(parse_rejects_separator_errors);
    EIC_RUN(parse_rejects_bad_literals_and_numbers);
    EIC_RUN(parse_rejects_raw_control_characters_and_bad_escapes_in_strings);
    EIC_RUN(parse_rejects_unmatched_brackets);
    EIC_RUN(parse_accepts_every_value_type_nested);
    EIC_RUN(parse_accepts_a_scalar_root);
    EIC_RUN(next_skips_a_value_and_its_whole_subtree);
    EIC_RUN(key_is_compares_the_raw_text_exactly);
    EIC_RUN(is_null_holds_only_for_the_literal);
    EIC_RUN(string_decodes_every_simple_escape);
    EIC_RUN(string_decodes_u_escapes_to_utf8);
    EIC_RUN(string_decodes_a_surrogate_pair_to_one_character);
    EIC_RUN(string_keeps_raw_utf8_as_is);
    EIC_RUN(string_with_a_lone_high_surrogate_is_malformed);
    EIC_RUN(string_with_a_lone_low_surrogate_is_malformed);
    EIC_RUN(string_with_an_escaped_nul_is_malformed);
    EIC_RUN(string_with_invalid_utf8_is_malformed);
    EIC_RUN(string_exactly_filling_the_field_fits);
    EIC_RUN(string_one_byte_longer_than_the_field_is_too_long_not_cut);
    EIC_RUN(string_whose_last_character_straddles_the_limit_is_too_long);
    EIC_RUN(chars_reader_reads_an_escape_cut_short_or_unknown_as_a_bad_nul);
    EIC_RUN(chars_reader_moves_past_bad_parts);
    EIC_RUN(int32_reads_zero_negatives_and_both_limits);
    EIC_RUN(int32_past_either_limit_is_malformed);
    EIC_RUN(int32_of_a_fraction_exponent_or_other_type_is_malformed);
    EIC_RUN(epoch_reads_seconds_with_a_fraction);
    EIC_RUN(epoch_reads_whole_seconds);
    EIC_RUN(epoch_reads_exponent_forms);
    EIC_RUN(epoch_reads_a_numeric_string);
    EIC_RUN(epoch_truncates_digits_past_the_millisecond_toward_zero);
    EIC_RUN(epoch_at_the_int64_limit_fits_and_past_it_is_malformed);
#if EIC_WITH_ISO8601_TIMESTAMPS
    EIC_RUN(epoch_reads_an_iso8601_string_in_every_zone_form);
    EIC_RUN(epoch_reads_an_iso8601_string_with_nine_or_no_fraction_digits);
    EIC_RUN(epoch_reads_an_iso8601_leap_day_of_a_leap_year);
    EIC_RUN(epoch_of_an_impossible_iso8601_date_or_time_is_malformed);
#else
    EIC_RUN(epoch_of_an_iso8601_string_is_malformed_without_the_option);
#endif
    EIC_RUN(epoch_of_anything_but_a_number_or_a_timestamp_is_malformed);
    return EIC_TEST_END();
}
