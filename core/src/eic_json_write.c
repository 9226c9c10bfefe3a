/* JSON writing (core, encoding layer). */
#include "eic_json_write.h"

#include <string.h>

void eic_json_write_string(eic_sink *k, const char *s, size_t len)
{
    eic_sink_putc(k, '"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            eic_sink_putc(k, '\\');
        } else if (c < 0x20u || c == 0x7fu) {
            eic_sink_puts(k, "\\u00");
            eic_sink_puthex(k, &s[i], 1, 'A');
            continue;
        }
        eic_sink_putc(k, (char)c);
    }
    eic_sink_putc(k, '"');
}

const char eic_member_names[] =
    "FunctionArn\0MaximumRetryAttempts\0MaximumEventAgeInSeconds\0LastModified\0"
    "DestinationConfig\0OnSuccess\0OnFailure\0Destination\0FunctionEventInvokeConfigs\0"
    "NextMarker\0FunctionName\0Qualifier\0MaxItems\0"
    "DestinationConfig.OnSuccess.Destination\0DestinationConfig.OnFailure.Destination\0";

/* Opens an object: returns the sink's length just past its `{`, which
 * member() compares with to tell the first member from the others. (A sink
 * that failed takes no more bytes, whatever is written after.) */
static size_t open_object(eic_sink *k)
{
    eic_sink_putc(k, '{');
    return k->len;
}

/* Writes `,` before any member but the first of the object opened at
 * start, then `"key":`. Keys are plain ASCII with nothing to escape:
 * written as they are, not through eic_json_write_string's checks. */
static void member(eic_sink *k, size_t start, unsigned key)
{
    const char *name = &eic_member_names[key];
    if (k->len != start) {
        eic_sink_putc(k, ',');
    }
    eic_sink_putc(k, '"');
    eic_sink_puts(k, name);
    eic_sink_puts(k, "\":");
}

void eic_json_write_config_body(eic_sink *k, const eic_put_request *r)
{
    const eic_destination_config *d = &r->destination_config;
    size_t top = open_object(k);
    if (r->maximum_retry_attempts.is_set) {
        member(k, top, EIC_NAME_RETRY_ATTEMPTS);
        /* Validated ranges are never negative. */
        eic_sink_putu(k, (uint32_t)r->maximum_retry_attempts.value);
    }
    if (r->maximum_event_age_in_seconds.is_set) {
        member(k, top, EIC_NAME_EVENT_AGE);
        eic_sink_putu(k, (uint32_t)r->maximum_event_age_in_seconds.value);
    }
    if (d->is_set || d->on_success.is_set || d->on_failure.is_set) {
        member(k, top, EIC_NAME_DESTINATION_CONFIG);
        size_t inner = open_object(k);
        /* OnSuccess, then OnFailure: the same member twice. */
        const eic_destination_setting *s = &d->on_success;
        for (unsigned i = 0; i < 2; i++, s = &d->on_failure) {
            if (s->is_set) {
                member(k, inner,
                       EIC_NAME_ON_SUCCESS_KEY +
                           i * (EIC_NAME_ON_FAILURE_KEY - EIC_NAME_ON_SUCCESS_KEY));
                size_t leaf = open_object(k);
                if (s->destination != NULL) {
                    member(k, leaf, EIC_NAME_DESTINATION);
                    eic_json_write_string(k, s->destination, strlen(s->destination));
                }
                eic_sink_putc(k, '}');
            }
        }
        eic_sink_putc(k, '}');
    }
    eic_sink_putc(k, '}');
}
