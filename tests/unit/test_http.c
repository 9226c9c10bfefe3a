/* Unit tests of HTTP/1.1 response reading (eic_http.c): head framing and
 * parsing, the headers eic uses, and chunked framing. */
#include <string.h>

#include "eic_http.h"
#include "eic_test.h"

static eic_http_head head;

static eic_status parse(const char *text)
{
    size_t n = eic_http_head_length((const uint8_t *)text, strlen(text));
    if (n == 0) {
        return EIC_ERR_INVALID_ARGUMENT; /* incomplete: no blank line */
    }
    return eic_http_parse_head((const uint8_t *)text, n, &head);
}

static int value_is(const char *p, size_t n, const char *want)
{
    return p != NULL && n == strlen(want) && memcmp(p, want, n) == 0;
}

static void head_ends_at_the_blank_line(void)
{
    const char *r = "HTTP/1.1 200 OK\r\nA: b\r\n\r\nbody";
    EIC_CHECK(eic_http_head_length((const uint8_t *)r, strlen(r)) == strlen(r) - 4);
    EIC_CHECK(eic_http_head_length((const uint8_t *)r, 20) == 0);
    const char *lf = "HTTP/1.1 200 OK\nA: b\n\nbody";
    EIC_CHECK(eic_http_head_length((const uint8_t *)lf, strlen(lf)) == strlen(lf) - 4);
    /* Parsed while incomplete: no verdict yet, not even on a bad status line. */
    EIC_CHECK_STATUS(eic_http_parse_head((const uint8_t *)"HTTP/9 x\r\nA: b\r\n", 16, &head),
                     EIC_OK);
    EIC_CHECK(head.head_len == 0);
    EIC_CHECK_STATUS(eic_http_parse_head((const uint8_t *)r, strlen(r), &head), EIC_OK);
    EIC_CHECK(head.head_len == strlen(r) - 4 && head.r.status == 200);
}

static void status_and_eic_headers_are_read(void)
{
    EIC_CHECK_STATUS(parse("HTTP/1.1 429 Too Many Requests\r\n"
                           "x-amzn-RequestId: 7f3c-11\r\n"
                           "X-Amzn-ErrorType:  TooManyRequestsException:http://x/  \r\n"
                           "Retry-After: 2\r\n"
                           "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
                           "Content-Length: 12\r\n\r\n"),
                     EIC_OK);
    EIC_CHECK(head.r.status == 429 && head.has_length && head.content_length == 12);
    EIC_CHECK(!head.chunked && !head.close);
    EIC_CHECK(value_is(head.r.request_id, head.r.request_id_len, "7f3c-11"));
    EIC_CHECK(
        value_is(head.r.error_type, head.r.error_type_len, "TooManyRequestsException:http://x/"));
    EIC_CHECK(value_is(head.r.retry_after, head.r.retry_after_len, "2"));
    EIC_CHECK(value_is(head.r.date, head.r.date_len, "Sun, 06 Nov 1994 08:49:37 GMT"));
}

static void connection_close_and_http_1_0_close(void)
{
    EIC_CHECK_STATUS(parse("HTTP/1.1 200 OK\r\nConnection: keep-alive, Close\r\n\r\n"), EIC_OK);
    EIC_CHECK(head.close);
    EIC_CHECK_STATUS(parse("HTTP/1.0 200 OK\r\n\r\n"), EIC_OK);
    EIC_CHECK(head.close);
    EIC_CHECK_STATUS(parse("HTTP/1.1 204\r\n\r\n"), EIC_OK);
    EIC_CHECK(head.r.status == 204 && !head.close);
}

static void chunked_transfer_encoding_is_understood(void)
{
    EIC_CHECK_STATUS(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n"), EIC_OK);
    EIC_CHECK(head.chunked);
    EIC_CHECK_STATUS(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"),
                     EIC_ERR_PROTOCOL);
}

static void malformed_heads_are_protocol_errors(void)
{
    static const char *const bad[] = {
        "HTTP/2 200 OK\r\n\r\n",
        "HTTP/1.1 20 OK\r\n\r\n",
        "HTTP/1.1 200OK\r\n\r\n",
        "ICY 200 OK\r\n\r\n",
        "HTTP/1.1 200 OK\r\nNoColon\r\n\r\n",
        "HTTP/1.1 200 OK\r\n: empty-name\r\n\r\n",
        "HTTP/1.1 200 OK\r\nName : space\r\n\r\n",
        "HTTP/1.1 200 OK\r\nA: b\r\n folded\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: \r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (parse(bad[i]) != EIC_ERR_PROTOCOL) {
            printf("  accepted: %s\n", bad[i]);
        }
        EIC_CHECK_STATUS(parse(bad[i]), EIC_ERR_PROTOCOL);
    }
    /* The same length twice is fine. */
    EIC_CHECK_STATUS(parse("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n"),
                     EIC_OK);
}

static void statuses_without_a_body(void)
{
    /* 1xx, 204 and 304 have an empty body whatever the headers say. */
    static const char *const none[] = {
        "HTTP/1.1 100 Continue\r\nContent-Length: 5\r\n\r\n",
        "HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\n",
        "HTTP/1.1 304 Not Modified\r\n\r\n",
    };
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        EIC_CHECK_STATUS(parse(none[i]), EIC_OK);
        EIC_CHECK(head.has_length && head.content_length == 0 && !head.chunked);
    }
    EIC_CHECK_STATUS(parse("HTTP/1.1 200 OK\r\n\r\n"), EIC_OK);
    EIC_CHECK(!head.has_length);
    EIC_CHECK_STATUS(parse("HTTP/1.1 404 Not Found\r\nContent-Length: 5\r\n\r\n"), EIC_OK);
    EIC_CHECK(head.has_length && head.content_length == 5);
}

/* Chunked text in buf (a copy: eic_http_dechunk moves the data once the body
 * is complete) and eic_http_dechunk's answer. */
static eic_status dechunk(uint8_t buf[256], const char *wire, size_t *wire_len, size_t *len)
{
    memcpy(buf, wire, strlen(wire));
    return eic_http_dechunk(buf, strlen(wire), wire_len, len);
}

/* Complete chunked text in, data out. */
static int dechunks_to(const char *wire, const char *want)
{
    uint8_t buf[256];
    size_t n = strlen(wire), wire_len = 0, len = 0;
    if (dechunk(buf, wire, &wire_len, &len) != EIC_OK || wire_len != n) {
        printf("  not complete: %s\n", wire);
        return 0;
    }
    if (len != strlen(want) || memcmp(buf, want, len) != 0) {
        printf("  got \"%.*s\", want \"%s\"\n", (int)len, (const char *)buf, want);
        return 0;
    }
    return 1;
}

static void chunks_of_odd_sizes_join(void)
{
    EIC_CHECK(
        dechunks_to("1\r\n{\r\n7\r\n\"a\":123\r\n1f\r\n,\"b\":\"012345678901234567890123\"\r\n"
                    "1\r\n}\r\n0\r\n\r\n",
                    "{\"a\":123,\"b\":\"012345678901234567890123\"}"));
    EIC_CHECK(dechunks_to("0\r\n\r\n", ""));
}

static void chunk_extensions_and_trailers_are_skipped(void)
{
    EIC_CHECK(dechunks_to("3;name=value\r\nabc\r\n0\r\nX-Trailer: 1\r\nY: 2\r\n\r\n", "abc"));
    EIC_CHECK(dechunks_to("3\nabc\n0\n\n", "abc"));
}

static void incomplete_chunked_bodies_wait_for_more(void)
{
    static const char *const partial[] = {
        "",
        "3",
        "3\r\n",
        "3\r\nab",
        "3\r\nabc",
        "3\r\nabc\r",
        "3\r\nabc\r\n0\r\n",
        "3\r\nabc\r\n0\r\nX: 1\r\n",
    };
    for (size_t i = 0; i < sizeof partial / sizeof partial[0]; i++) {
        uint8_t buf[256];
        size_t wire = 99, len;
        EIC_CHECK_STATUS(dechunk(buf, partial[i], &wire, &len), EIC_OK);
        EIC_CHECK(wire == 0 && memcmp(buf, partial[i], strlen(partial[i])) == 0);
    }
}

static void malformed_chunked_bodies_are_protocol_errors(void)
{
    static const char *const bad[] = {
        "x\r\nabc\r\n0\r\n\r\n",
        "3\r\nabcd\r\n0\r\n\r\n",
        "3x\r\nabc\r\n0\r\n\r\n",
        "ffffffffffffffffffff\r\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        uint8_t buf[256];
        size_t wire, len;
        EIC_CHECK_STATUS(dechunk(buf, bad[i], &wire, &len), EIC_ERR_PROTOCOL);
    }
}

int main(void)
{
    EIC_RUN(head_ends_at_the_blank_line);
    EIC_RUN(status_and_eic_headers_are_read);
    EIC_RUN(connection_close_and_http_1_0_close);
    EIC_RUN(chunked_transfer_encoding_is_understood);
    EIC_RUN(malformed_heads_are_protocol_errors);
    EIC_RUN(statuses_without_a_body);
    EIC_RUN(chunks_of_odd_sizes_join);
    EIC_RUN(chunk_extensions_and_trailers_are_skipped);
    EIC_RUN(incomplete_chunked_bodies_wait_for_more);
    EIC_RUN(malformed_chunked_bodies_are_protocol_errors);
    return EIC_TEST_END();
}
