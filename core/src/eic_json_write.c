/* JSON writing (core, encoding layer). */
#include "eic_json_write.h"

#include <string.h>

void eic_json_write_string(eic_sink *k, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    eic_sink_putc(k, '"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        char short_form = c == '"'    ? '"'
                          : c == '\\' ? '\\'
                          : c == '\b' ? 'b'
                          : c == '\f' ? 'f'
                          : c == '\n' ? 'n'
                          : c == '\r' ? 'r'
                          : c == '\t' ? 't'
                                      : 0;
        if (short_form != 0) {
            eic_sink_putc(k, '\\');
            eic_sink_putc(k, short_form);
        } else if (c < 0x20u || c == 0x7fu) {
            eic_sink_puts(k, "\\u00");
            eic_sink_putc(k, hex[c >> 4]);
            eic_sink_putc(k, hex[c & 0x0fu]);
        } else {
            eic_sink_putc(k, (char)c);
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
