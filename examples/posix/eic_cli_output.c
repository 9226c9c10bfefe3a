/* Results as JSON for the eic tool (host example), byte for byte as the AWS
 * CLI prints them: Python's json.dumps(indent=4, ensure_ascii=False) over
 * botocore's parsed response. 4-space indent, "," ending all but the last
 * item, "{}" and "[]" when empty, nothing at all for an empty response;
 * members in the service model's order and only those present; non-ASCII as
 * UTF-8; LastModified as the service sent it, since the AWS CLI leaves
 * timestamps unparsed: a string as that string, a number as Python prints
 * the int or float json.loads made of it (see print_last_modified). */
#define _POSIX_C_SOURCE 200809L

#include "eic_cli.h"

#include <inttypes.h>
#include <string.h>

#define MAX_DEPTH 8

/* Python's indented layout: a container opens, each item starts on a new
 * line one level deeper, and a non-empty container closes on its own line. */
typedef struct {
    FILE *f;
    int depth;
    int items[MAX_DEPTH];
} json_out;

static void newline_indent(json_out *o, int depth)
{
    fputc('\n', o->f);
    for (int i = 0; i < depth; i++) {
        fputs("    ", o->f);
    }
}

static void item(json_out *o)
{
    if (o->depth > 0) {
        if (o->items[o->depth]++ != 0) {
            fputc(',', o->f);
        }
        newline_indent(o, o->depth);
    }
}

static void member(json_out *o, const char *name)
{
    item(o);
    eic_cli_print_json_string(o->f, name, strlen(name));
    fputs(": ", o->f);
}

static void open_container(json_out *o, char c)
{
    fputc(c, o->f);
    o->items[++o->depth] = 0;
}

static void close_container(json_out *o, char c)
{
    if (o->items[o->depth--] != 0) {
        newline_indent(o, o->depth);
    }
    fputc(c, o->f);
}

static void string_member(json_out *o, const char *name, const char *value)
{
    member(o, name);
    eic_cli_print_json_string(o->f, value, strlen(value));
}

static void int_member(json_out *o, const char *name, eic_optional_int v)
{
    if (v.is_set) {
        member(o, name);
        fprintf(o->f, "%" PRId32, v.value);
    }
}

static void destination(json_out *o, const char *name, const eic_destination *d)
{
    if (d->present) {
        member(o, name);
        open_container(o, '{');
        if (d->has_destination) {
            string_member(o, "Destination", d->destination);
        }
        close_container(o, '}');
    }
}

/* A JSON string as the string; an integer (no '.', 'e' or 'E') as Python's
 * int prints it, which is its text but for -0; any other number as the
 * float of the milliseconds eic keeps (eic_cli_format_epoch_ms). */
static void print_last_modified(FILE *f, const eic_event_invoke_config *c)
{
    const char *text = c->last_modified_text;
    if (c->last_modified_is_string) {
        eic_cli_print_json_string(f, text, strlen(text));
    } else if (strpbrk(text, ".eE") == NULL) {
        fputs(strcmp(text, "-0") == 0 ? "0" : text, f);
    } else {
        char number[32];
        eic_cli_format_epoch_ms(c->last_modified_ms, number, sizeof number);
        fputs(number, f);
    }
}

static void config(json_out *o, const eic_event_invoke_config *c)
{
    open_container(o, '{');
    if (c->has_last_modified) {
        member(o, "LastModified");
        print_last_modified(o->f, c);
    }
    if (c->has_function_arn) {
        string_member(o, "FunctionArn", c->function_arn);
    }
    int_member(o, "MaximumRetryAttempts", c->maximum_retry_attempts);
    int_member(o, "MaximumEventAgeInSeconds", c->maximum_event_age_in_seconds);
    if (c->has_destination_config) {
        member(o, "DestinationConfig");
        open_container(o, '{');
        destination(o, "OnSuccess", &c->on_success);
        destination(o, "OnFailure", &c->on_failure);
        close_container(o, '}');
    }
    close_container(o, '}');
}

void eic_cli_print_config(FILE *f, const eic_event_invoke_config *c)
{
    json_out o = {f, 0, {0}};
    /* The AWS CLI prints nothing at all for an empty response. */
    if (c->has_last_modified || c->has_function_arn || c->maximum_retry_attempts.is_set ||
        c->maximum_event_age_in_seconds.is_set || c->has_destination_config) {
        config(&o, c);
        fputc('\n', f);
    }
}

void eic_cli_print_list(FILE *f, const eic_list_result *list)
{
    json_out o = {f, 0, {0}};
    /* As for a config: nothing at all when neither member was sent. */
    if (!list->has_configs && !list->has_next_marker) {
        return;
    }
    open_container(&o, '{');
    if (list->has_configs) {
        member(&o, "FunctionEventInvokeConfigs");
        open_container(&o, '[');
        for (size_t i = 0; i < list->count; i++) {
            item(&o);
            config(&o, &list->configs[i]);
        }
        close_container(&o, ']');
    }
    if (list->has_next_marker) {
        string_member(&o, "NextMarker", list->next_marker);
    }
    close_container(&o, '}');
    fputc('\n', f);
}

/* Python prints the float the service sent with repr(): the shortest decimal
 * that reads back as the same double, with at least one digit after the
 * point. For n milliseconds with |n| < 2^53 that is exactly "s.mmm" with
 * trailing zeros dropped (but one kept): the double nearest s.mmm is within
 * half an ulp of it, and below 2^53 ms an ulp is smaller than 0.001, so no
 * shorter decimal reads back the same. Python switches to exponent notation
 * only from 1e16 seconds on, beyond what int64 milliseconds reach. */
void eic_cli_format_epoch_ms(int64_t ms, char *buf, size_t cap)
{
    uint64_t magnitude = ms < 0 ? (uint64_t)0 - (uint64_t)ms : (uint64_t)ms;
    char fraction[4];
    snprintf(fraction, sizeof fraction, "%03u", (unsigned)(magnitude % 1000u));
    for (int i = 2; i > 0 && fraction[i] == '0'; i--) {
        fraction[i] = '\0';
    }
    snprintf(buf, cap, "%s%" PRIu64 ".%s", ms < 0 ? "-" : "", magnitude / 1000u, fraction);
}

void eic_cli_print_json_string(FILE *f, const char *s, size_t len)
{
    fputc('"', f);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *named = c == '"'    ? "\\\""
                            : c == '\\' ? "\\\\"
                            : c == '\n' ? "\\n"
                            : c == '\r' ? "\\r"
                            : c == '\t' ? "\\t"
                            : c == '\b' ? "\\b"
                            : c == '\f' ? "\\f"
                                        : NULL;
        if (named != NULL) {
            fputs(named, f);
        } else if (c < 0x20u) {
            fprintf(f, "\\u%04x", c);
        } else {
            fputc(c, f);
        }
    }
    fputc('"', f);
}

void eic_cli_print_text(FILE *f, const char *s)
{
    for (; *s != '\0'; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20u || c == 0x7fu) {
            fprintf(f, "\\x%02x", c);
        } else {
            fputc(c, f);
        }
    }
}
