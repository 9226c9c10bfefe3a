/* --destination-config for the eic tool (host example): the AWS CLI's JSON
 * form, `{"OnSuccess":{"Destination":"arn..."},"OnFailure":{"Destination":""}}`,
 * into an eic_destination_config that says what was present at each level,
 * so that `{}` and `{"OnSuccess":{}}` go on the wire as botocore sends them.
 *
 * Errors are worded as the AWS CLI words them: text that is not a JSON
 * object is "Error parsing parameter ...", unknown members and wrong types
 * (null included: botocore refuses None where it wants a dict or a string)
 * are "Parameter validation failed" lines (all of them, in input order). A
 * repeated key counts as its last occurrence, as in Python, except that an
 * error in an earlier occurrence is still reported (Python never sees it)
 * and a repeated unknown key is reported once per occurrence. */
#define _POSIX_C_SOURCE 200809L

#include "eic_cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const eic_cli_json *doc;
    char *report; /* "Parameter validation failed" lines, '\n'-separated */
    size_t report_len;
    int failed_io; /* out of memory: already reported */
} walk;

static void add_line(walk *w, const char *line)
{
    size_t n = strlen(line);
    char *bigger = realloc(w->report, w->report_len + n + 2);
    if (bigger == NULL) {
        eic_cli_fail("out of memory");
        w->failed_io = 1;
        return;
    }
    w->report = bigger;
    memcpy(w->report + w->report_len, line, n);
    w->report_len += n;
    w->report[w->report_len++] = '\n';
    w->report[w->report_len] = '\0';
}

static const char *python_type(eic_cli_json_type t)
{
    static const char *const names[] = {"dict", "list", "str", "int", "float", "bool", "NoneType"};
    return names[t];
}

/* "Invalid type for parameter P, value: V, type: <class 'T'>, valid types:
 * <class 'W'>". V as Python's str() would show it for scalars; objects and
 * arrays are shown as their JSON text. */
static void wrong_type(walk *w, const char *param, int tok, const char *valid)
{
    const eic_cli_json *d = w->doc;
    eic_cli_json_type t = eic_cli_json_type_of(d, tok);
    const eic_json_token *k = &d->tokens[tok];
    const char *shown = d->text + k->start;
    int shown_len = k->end - k->start;
    if (t == EIC_CLI_JSON_BOOL) {
        shown = *shown == 't' ? "True" : "False";
        shown_len = (int)strlen(shown);
    } else if (t == EIC_CLI_JSON_NULL) {
        shown = "None";
        shown_len = 4;
    }
    size_t cap = strlen(param) + (size_t)shown_len + 128;
    char *line = malloc(cap);
    if (line == NULL) {
        eic_cli_fail("out of memory");
        w->failed_io = 1;
        return;
    }
    snprintf(line, cap,
             "Invalid type for parameter %s, value: %.*s, type: <class '%s'>, valid types: "
             "<class '%s'>",
             param, shown_len, shown, python_type(t), valid);
    add_line(w, line);
    free(line);
}

static void unknown_member(walk *w, const char *where, const char *key, const char *valid)
{
    size_t cap = strlen(where) + strlen(key) + strlen(valid) + 64;
    char *line = malloc(cap);
    if (line == NULL) {
        eic_cli_fail("out of memory");
        w->failed_io = 1;
        return;
    }
    snprintf(line, cap, "Unknown parameter in %s: \"%s\", must be one of: %s", where, key, valid);
    add_line(w, line);
    free(line);
}

static char *string_or_report(walk *w, int tok, size_t *len)
{
    const char *reason = NULL;
    char *s = eic_cli_json_string(w->doc, tok, len, &reason);
    if (s == NULL) {
        /* Every string was checked when parsing: only memory can run out. */
        eic_cli_fail("%s", reason);
        w->failed_io = 1;
    }
    return s;
}

/* One of OnSuccess/OnFailure: {"Destination": "..."}; present with a NULL
 * destination when the object has no Destination. */
static void read_destination(walk *w, int obj, const char *where, eic_destination_setting *out)
{
    const eic_cli_json *d = w->doc;
    free((char *)out->destination);
    out->destination = NULL;
    out->is_set = 0;
    if (eic_cli_json_type_of(d, obj) != EIC_CLI_JSON_OBJECT) {
        wrong_type(w, where, obj, "dict");
        return;
    }
    out->is_set = 1;
    int members = d->tokens[obj].size;
    for (int k = obj + 1, m = 0; m < members && !w->failed_io;
         m++, k = eic_cli_json_next(d, k + 1)) {
        size_t len;
        char *key = string_or_report(w, k, &len);
        if (key == NULL) {
            return;
        }
        if (strcmp(key, "Destination") != 0) {
            unknown_member(w, where, key, "Destination");
        } else if (eic_cli_json_type_of(d, k + 1) != EIC_CLI_JSON_STRING) {
            char param[64];
            snprintf(param, sizeof param, "%s.Destination", where);
            wrong_type(w, param, k + 1, "str");
        } else {
            char *value = string_or_report(w, k + 1, &len);
            free((char *)out->destination);
            out->destination = value;
            if (value != NULL && strlen(value) != len) {
                /* U+0000 would end the C string early: refuse rather than cut. */
                char line[160];
                snprintf(line, sizeof line,
                         "Invalid value for parameter %s.Destination: contains U+0000", where);
                add_line(w, line);
            }
        }
        free(key);
    }
}

static void read_root(walk *w, eic_destination_config *out)
{
    const eic_cli_json *d = w->doc;
    int members = d->tokens[0].size;
    for (int k = 1, m = 0; m < members && !w->failed_io; m++, k = eic_cli_json_next(d, k + 1)) {
        size_t len;
        char *key = string_or_report(w, k, &len);
        if (key == NULL) {
            return;
        }
        if (strcmp(key, "OnSuccess") == 0) {
            read_destination(w, k + 1, "DestinationConfig.OnSuccess", &out->on_success);
        } else if (strcmp(key, "OnFailure") == 0) {
            read_destination(w, k + 1, "DestinationConfig.OnFailure", &out->on_failure);
        } else {
            unknown_member(w, "DestinationConfig", key, "OnSuccess, OnFailure");
        }
        free(key);
    }
}

int eic_cli_parse_destination_config(const char *json, eic_destination_config *out)
{
    eic_cli_json doc;
    const char *reason = NULL;
    memset(out, 0, sizeof *out);
    if (eic_cli_json_parse(&doc, json, strlen(json), &reason) != 0) {
        fprintf(stderr,
                "\nError parsing parameter '--destination-config': Invalid JSON: %s\n"
                "JSON received: %s\n",
                reason, json);
        return EIC_CLI_EXIT_USAGE;
    }
    if (eic_cli_json_type_of(&doc, 0) != EIC_CLI_JSON_OBJECT) {
        fprintf(stderr, "\nError parsing parameter '--destination-config': Invalid JSON:\n%s\n",
                json);
        eic_cli_json_free(&doc);
        return EIC_CLI_EXIT_USAGE;
    }
    walk w = {&doc, NULL, 0, 0};
    out->is_set = 1; /* botocore sends "DestinationConfig":{} for {} */
    read_root(&w, out);
    int rc = EIC_CLI_EXIT_OK;
    if (w.failed_io || w.report != NULL) {
        if (!w.failed_io) {
            fprintf(stderr, "\nParameter validation failed:\n%s", w.report);
        }
        eic_cli_destination_config_free(out);
        rc = EIC_CLI_EXIT_USAGE;
    }
    free(w.report);
    eic_cli_json_free(&doc);
    return rc;
}

void eic_cli_destination_config_free(eic_destination_config *d)
{
    /* The strings are this file's own copies; the core's struct holds them
     * as const because the core never writes through them. */
    free((char *)d->on_success.destination);
    free((char *)d->on_failure.destination);
    memset(d, 0, sizeof *d);
}
