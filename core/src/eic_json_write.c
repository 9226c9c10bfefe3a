/* JSON writing (core, encoding layer). */
#include "eic_json_write.h"

#include <string.h>

void eic_json_write_string(eic_sink *k, const char *s, size_t len)
{
    /* The short escapes as pairs of (character, letter after the backslash):
     * one walk over a string instead of a chain of compares. */
    static const char short_forms[] = "\"\"\\\\\bb\ff\nn\rr\tt";
    eic_sink_putc(k, '"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *f = short_forms;
        while (*f != '\0' && (unsigned char)*f != c) {
            f += 2;
        }
        if (*f == '\0' && c >= 0x20u && c != 0x7fu) {
            eic_sink_putc(k, (char)c);
            continue;
        }
        eic_sink_putc(k, '\\');
        if (*f != '\0') {
            eic_sink_putc(k, f[1]);
        } else {
            /* A control character: its high nibble is 0, 1 or 7, a decimal
             * digit; only the low one needs a hex letter. */
            unsigned low = c & 0x0fu;
            eic_sink_puts(k, "u00");
            eic_sink_putc(k, (char)('0' + (c >> 4)));
            eic_sink_putc(k, (char)(low < 10u ? '0' + low : 'a' - 10u + low));
        }
    }
    eic_sink_putc(k, '"');
}

/* Writes `,` before every member but the first. */
static void member(eic_sink *k, int *count, const char *key)
{
    if ((*count)++ != 0) {
        eic_sink_putc(k, ',');
    }
    eic_json_write_string(k, key, strlen(key));
    eic_sink_putc(k, ':');
}

static void int_member(eic_sink *k, int *count, const char *key, eic_optional_int v)
{
    if (v.is_set) {
        member(k, count, key);
        /* Validated ranges are never negative. */
        eic_sink_putu(k, (uint32_t)v.value);
    }
}

static void destination_member(eic_sink *k, int *count, const char *key,
                               const eic_destination_setting *d)
{
    if (d->is_set) {
        member(k, count, key);
        eic_sink_putc(k, '{');
        if (d->destination != NULL) {
            eic_sink_puts(k, "\"Destination\":");
            eic_json_write_string(k, d->destination, strlen(d->destination));
        }
        eic_sink_putc(k, '}');
    }
}

void eic_json_write_config_body(eic_sink *k, const eic_put_request *r)
{
    int count = 0;
    eic_sink_putc(k, '{');
    int_member(k, &count, "MaximumRetryAttempts", r->maximum_retry_attempts);
    int_member(k, &count, "MaximumEventAgeInSeconds", r->maximum_event_age_in_seconds);
    const eic_destination_config *d = &r->destination_config;
    if (d->is_set || d->on_success.is_set || d->on_failure.is_set) {
        int inner = 0;
        member(k, &count, "DestinationConfig");
        eic_sink_putc(k, '{');
        destination_member(k, &inner, "OnSuccess", &d->on_success);
        destination_member(k, &inner, "OnFailure", &d->on_failure);
        eic_sink_putc(k, '}');
    }
    eic_sink_putc(k, '}');
}
