/* Unit tests of the canonical request (eic_canonical.c), through
 * eic_sigv4_canonical_request(): path normalisation and encoding, query
 * order and encoding, header folding, validation and buffer bounds. */
#include <stdint.h>
#include <string.h>

#include "eic/eic_sigv4.h"
#include "eic_test.h"

#define EMPTY_SHA256 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

static eic_sigv4_header host = {"Host", 4, "example.amazonaws.com", 21};

static eic_sigv4_request get(const char *path, const char *query)
{
    eic_sigv4_request r;
    memset(&r, 0, sizeof r);
    r.method = "GET";
    r.method_len = 3;
    r.path = path;
    r.path_len = strlen(path);
    r.query = query;
    r.query_len = query != NULL ? strlen(query) : 0;
    r.headers = &host;
    r.header_count = 1;
    return r;
}

static char out[1024];
static size_t out_len;

/* Line n (from 0) of the canonical request written to out. */
static size_t line_of(int n, const char **start)
{
    const char *p = out;
    const char *end = out + out_len;
    for (int i = 0; i < n; i++) {
        p = memchr(p, '\n', (size_t)(end - p));
        p = p == NULL ? end : p + 1;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *start = p;
    return (size_t)((nl != NULL ? nl : end) - p);
}

static int uri_is(const char *path, const char *want)
{
    eic_sigv4_request r = get(path, NULL);
    const char *line;
    if (eic_sigv4_canonical_request(&r, out, sizeof out, &out_len) != EIC_OK) {
        return 0;
    }
    size_t n = line_of(1, &line);
    if (n != strlen(want) || memcmp(line, want, n) != 0) {
        printf("  path \"%s\" gave \"%.*s\", want \"%s\"\n", path, (int)n, line, want);
        return 0;
    }
    return 1;
}

static int query_is(const char *query, const char *want)
{
    eic_sigv4_request r = get("/", query);
    const char *line;
    if (eic_sigv4_canonical_request(&r, out, sizeof out, &out_len) != EIC_OK) {
        return 0;
    }
    size_t n = line_of(2, &line);
    if (n != strlen(want) || memcmp(line, want, n) != 0) {
        printf("  query \"%s\" gave \"%.*s\", want \"%s\"\n", query, (int)n, line, want);
        return 0;
    }
    return 1;
}

static void whole_request_has_the_six_parts_in_order(void)
{
    eic_sigv4_header h[2] = {{"X-Amz-Date", 10, "20150830T123600Z", 16}, host};
    eic_sigv4_request r = get("/a/b", "x=1");
    r.headers = h;
    r.header_count = 2;
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len), EIC_OK);
    EIC_CHECK_TEXT(out, out_len,
                   "GET\n/a/b\nx=1\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
                   "host;x-amz-date\n" EMPTY_SHA256);
}

static void empty_path_is_slash(void)
{
    EIC_CHECK(uri_is("", "/"));
    EIC_CHECK(uri_is("/", "/"));
}

static void dot_segments_are_removed(void)
{
    EIC_CHECK(uri_is("/./", "/"));
    EIC_CHECK(uri_is("/./example", "/example"));
    EIC_CHECK(uri_is("/example/..", "/"));
    EIC_CHECK(uri_is("/a/b/../c", "/a/c"));
    EIC_CHECK(uri_is("/a/b/c/../../d/", "/a/d/"));
    EIC_CHECK(uri_is("/a/../../b", "/b"));
    EIC_CHECK(uri_is("/..", "/"));
    EIC_CHECK(uri_is("/a/./b/.", "/a/b"));
}

static void empty_segments_are_removed(void)
{
    EIC_CHECK(uri_is("//", "/"));
    EIC_CHECK(uri_is("//example//", "/example/"));
    EIC_CHECK(uri_is("/a///b", "/a/b"));
}

static void dots_inside_names_are_kept(void)
{
    EIC_CHECK(uri_is("/.a/..b/...", "/.a/..b/..."));
}

static void trailing_slash_is_kept_only_after_a_segment(void)
{
    EIC_CHECK(uri_is("/example/", "/example/"));
    EIC_CHECK(uri_is("/example/../", "/"));
}

static void raw_path_bytes_are_encoded_once(void)
{
    EIC_CHECK(uri_is("/example space/", "/example%20space/"));
    EIC_CHECK(uri_is("/\xe1\x88\xb4", "/%E1%88%B4"));
    EIC_CHECK(uri_is("/example/$delete", "/example/%24delete"));
    EIC_CHECK(uri_is("/-._~azAZ09", "/-._~azAZ09"));
}

static void wire_encoded_path_is_encoded_again(void)
{
    EIC_CHECK(uri_is("/2019-09-25/functions/arn%3Aaws%3Alambda%3Aus-west-2%3A1%3Afunction%3Af/"
                     "event-invoke-config",
                     "/2019-09-25/functions/arn%253Aaws%253Alambda%253Aus-west-2%253A1%253A"
                     "function%253Af/event-invoke-config"));
}

static void query_pairs_sort_by_key_then_value(void)
{
    EIC_CHECK(query_is("Param2=value2&Param1=value1", "Param1=value1&Param2=value2"));
    EIC_CHECK(query_is("Param1=value2&Param1=Value1", "Param1=Value1&Param1=value2"));
    EIC_CHECK(query_is("Param1=value2&Param1=value1", "Param1=value1&Param1=value2"));
    /* By key first, not by the joined "k=v" text: "a=2" < "a-=1" as text would
     * differ from key order "a" < "a-". */
    EIC_CHECK(query_is("a-=1&a=2", "a=2&a-=1"));
}

static void repeated_identical_pairs_are_all_kept(void)
{
    EIC_CHECK(query_is("k=v&k=v&a=1", "a=1&k=v&k=v"));
}

static void query_key_without_value_gets_equals(void)
{
    EIC_CHECK(query_is("Param1", "Param1="));
    EIC_CHECK(query_is("b&a=", "a=&b="));
}

static void empty_query_pieces_are_skipped(void)
{
    EIC_CHECK(query_is("", ""));
    EIC_CHECK(query_is("&&a=1&", "a=1"));
}

static void query_raw_and_encoded_forms_agree(void)
{
    EIC_CHECK(query_is("Qualifier=$LATEST", "Qualifier=%24LATEST"));
    EIC_CHECK(query_is("Qualifier=%24LATEST", "Qualifier=%24LATEST"));
    EIC_CHECK(query_is("m=a%3ab", "m=a%3Ab"));
    EIC_CHECK(query_is("m=a b+c", "m=a%20b%2Bc"));
    EIC_CHECK(query_is("m=%7E%41", "m=~A"));
    /* A '%' that starts no valid escape is itself encoded. */
    EIC_CHECK(query_is("m=100%&n=%zz", "m=100%25&n=%25zz"));
    /* Only the first '=' splits key from value. */
    EIC_CHECK(query_is("m=a=b", "m=a%3Db"));
}

static void query_sorts_on_encoded_bytes(void)
{
    /* Raw, 0xC3 sorts after '~'; encoded, "%C3" sorts before it. */
    EIC_CHECK(query_is("k=~&k=\xc3\xa9", "k=%C3%A9&k=~"));
}

static void header_names_are_lower_cased_and_sorted(void)
{
    eic_sigv4_header h[3] = {{"X-B", 3, "2", 1}, {"x-a", 3, "1", 1}, host};
    eic_sigv4_request r = get("/", NULL);
    r.headers = h;
    r.header_count = 3;
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len), EIC_OK);
    EIC_CHECK_TEXT(
        out, out_len,
        "GET\n/\n\nhost:example.amazonaws.com\nx-a:1\nx-b:2\n\nhost;x-a;x-b\n" EMPTY_SHA256);
}

static void repeated_headers_join_in_request_order(void)
{
    eic_sigv4_header h[4] = {{"My-Header1", 10, "value4", 6},
                             host,
                             {"my-header1", 10, "value1", 6},
                             {"MY-HEADER1", 10, "value3", 6}};
    eic_sigv4_request r = get("/", NULL);
    r.headers = h;
    r.header_count = 4;
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len), EIC_OK);
    EIC_CHECK_TEXT(out, out_len,
                   "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value4,value1,value3\n\n"
                   "host;my-header1\n" EMPTY_SHA256);
}

static void header_values_are_trimmed_and_folded(void)
{
    eic_sigv4_header h[4] = {
        host, {"A", 1, "  x  ", 5}, {"B", 1, "\"a   b \t c\"", 11}, {"C", 1, " \t ", 3}};
    eic_sigv4_request r = get("/", NULL);
    r.headers = h;
    r.header_count = 4;
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len), EIC_OK);
    EIC_CHECK_TEXT(
        out, out_len,
        "GET\n/\n\na:x\nb:\"a b c\"\nc:\nhost:example.amazonaws.com\n\na;b;c;host\n" EMPTY_SHA256);
}

static void payload_digest_ends_the_request(void)
{
    eic_sigv4_request r = get("/", NULL);
    r.method = "POST";
    r.method_len = 4;
    r.payload = (const uint8_t *)"Param1=value1";
    r.payload_len = 13;
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len), EIC_OK);
    EIC_CHECK_TEXT(out, out_len,
                   "POST\n/\n\nhost:example.amazonaws.com\n\nhost\n"
                   "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e");
}

static void control_characters_are_rejected_everywhere(void)
{
    static const char *const bad[] = {"\r", "\n", "\r\n", "\0x", "\x01", "\x1f", "\x7f"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        size_t n = bad[i][0] == '\0' ? 2 : strlen(bad[i]);
        char text[8];
        memcpy(text, "a", 1);
        memcpy(text + 1, bad[i], n);
        eic_sigv4_header h[2] = {host, {"X-V", 3, text, n + 1}};
        eic_sigv4_request r = get("/", NULL);
        r.headers = h;
        r.header_count = 2;
        EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len),
                         EIC_ERR_INVALID_ARGUMENT);
        h[1].name = text;
        h[1].name_len = n + 1;
        h[1].value = "v";
        h[1].value_len = 1;
        EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len),
                         EIC_ERR_INVALID_ARGUMENT);
        r = get("/", NULL);
        r.path = text;
        r.path_len = n + 1;
        EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len),
                         EIC_ERR_INVALID_ARGUMENT);
        r = get("/", NULL);
        r.query = text;
        r.query_len = n + 1;
        EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len),
                         EIC_ERR_INVALID_ARGUMENT);
        r = get("/", NULL);
        r.method = text;
        r.method_len = n + 1;
        EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len),
                         EIC_ERR_INVALID_ARGUMENT);
    }
}

static void tab_is_allowed_in_values_only(void)
{
    eic_sigv4_header h[2] = {host, {"X-V", 3, "a\tb", 3}};
    eic_sigv4_request r = get("/", NULL);
    r.headers = h;
    r.header_count = 2;
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len), EIC_OK);
    r.path = "/a\tb";
    r.path_len = 4;
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len),
                     EIC_ERR_INVALID_ARGUMENT);
}

static void header_names_and_method_must_be_tokens(void)
{
    eic_sigv4_header h[2] = {host, {"X V", 3, "v", 1}};
    eic_sigv4_request r = get("/", NULL);
    r.headers = h;
    r.header_count = 2;
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len),
                     EIC_ERR_INVALID_ARGUMENT);
    h[1].name = "X:V";
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len),
                     EIC_ERR_INVALID_ARGUMENT);
    h[1].name_len = 0;
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len),
                     EIC_ERR_INVALID_ARGUMENT);
    r = get("/", NULL);
    r.method_len = 0;
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len),
                     EIC_ERR_INVALID_ARGUMENT);
    r.method = "G T";
    r.method_len = 3;
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len),
                     EIC_ERR_INVALID_ARGUMENT);
}

static void host_header_is_required(void)
{
    eic_sigv4_header h = {"X-Amz-Date", 10, "20150830T123600Z", 16};
    eic_sigv4_request r = get("/", NULL);
    r.headers = &h;
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len),
                     EIC_ERR_INVALID_ARGUMENT);
    r.header_count = 0;
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len),
                     EIC_ERR_INVALID_ARGUMENT);
    h.name = "HOST";
    h.name_len = 4;
    r.header_count = 1;
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len), EIC_OK);
}

static void null_pointers_are_rejected(void)
{
    eic_sigv4_request r = get("/", NULL);
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(NULL, out, sizeof out, &out_len),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, NULL, sizeof out, &out_len),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, NULL),
                     EIC_ERR_INVALID_ARGUMENT);
    r.headers = NULL;
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len),
                     EIC_ERR_INVALID_ARGUMENT);
    r = get("/", NULL);
    r.path = NULL;
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len),
                     EIC_ERR_INVALID_ARGUMENT);
    r = get("/", NULL);
    r.query_len = 1;
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len),
                     EIC_ERR_INVALID_ARGUMENT);
    r = get("/", NULL);
    r.payload_len = 1;
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len),
                     EIC_ERR_INVALID_ARGUMENT);
    r = get("/", NULL);
    r.method = NULL;
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, out, sizeof out, &out_len),
                     EIC_ERR_INVALID_ARGUMENT);
}

static void output_exact_fit_and_one_byte_short(void)
{
    eic_sigv4_request r = get("/a", "b=c");
    char buf[256];
    size_t need = 0, n = 0;
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, buf, sizeof buf, &need), EIC_OK);
    memset(buf, '#', sizeof buf);
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, buf, need, &n), EIC_OK);
    EIC_CHECK(n == need && buf[need] == '#');
    memset(buf, '#', sizeof buf);
    n = 99;
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, buf, need - 1, &n), EIC_ERR_BUFFER_TOO_SMALL);
    EIC_CHECK(n == 0);
    for (size_t i = need - 1; i < sizeof buf; i++) {
        EIC_CHECK(buf[i] == '#');
    }
    EIC_CHECK_STATUS(eic_sigv4_canonical_request(&r, buf, 0, &n), EIC_ERR_BUFFER_TOO_SMALL);
}

int main(void)
{
    EIC_RUN(whole_request_has_the_six_parts_in_order);
    EIC_RUN(empty_path_is_slash);
    EIC_RUN(dot_segments_are_removed);
    EIC_RUN(empty_segments_are_removed);
    EIC_RUN(dots_inside_names_are_kept);
    EIC_RUN(trailing_slash_is_kept_only_after_a_segment);
    EIC_RUN(raw_path_bytes_are_encoded_once);
    EIC_RUN(wire_encoded_path_is_encoded_again);
    EIC_RUN(query_pairs_sort_by_key_then_value);
    EIC_RUN(repeated_identical_pairs_are_all_kept);
    EIC_RUN(query_key_without_value_gets_equals);
    EIC_RUN(empty_query_pieces_are_skipped);
    EIC_RUN(query_raw_and_encoded_forms_agree);
    EIC_RUN(query_sorts_on_encoded_bytes);
    EIC_RUN(header_names_are_lower_cased_and_sorted);
    EIC_RUN(repeated_headers_join_in_request_order);
    EIC_RUN(header_values_are_trimmed_and_folded);
    EIC_RUN(payload_digest_ends_the_request);
    EIC_RUN(control_characters_are_rejected_everywhere);
    EIC_RUN(tab_is_allowed_in_values_only);
    EIC_RUN(header_names_and_method_must_be_tokens);
    EIC_RUN(host_header_is_required);
    EIC_RUN(null_pointers_are_rejected);
    EIC_RUN(output_exact_fit_and_one_byte_short);
    return EIC_TEST_END();
}
