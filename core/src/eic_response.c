/* The parse half of the operations (core, operations layer): a response's
 * status, headers and body into a result struct, or into an eic_error.
 *
 * Results are zeroed first and zeroed again on any failure, so a caller
 * never sees half a result. A member that is absent or null leaves its flag
 * clear; members the service adds later are skipped at any depth. */
#include "eic/eic.h"

#include <string.h>

#include "eic_json_read.h"
#include "eic_service_error.h"

static int span_ok(const void *p, size_t n)
{
    return p != NULL || n == 0;
}

static eic_status invalid_argument(eic_error *err)
{
    if (err != NULL) {
        eic_error_reset(err, 0);
    }
    return EIC_ERR_INVALID_ARGUMENT;
}

/* Checks the arguments, resets err, and turns a status other than 2xx into
 * EIC_ERR_SERVICE with err filled. EIC_OK means: read the body. */
static eic_status begin(eic_client *client, const eic_response *r, eic_error *err)
{
    if (client == NULL || r == NULL || r->status < 100 || r->status > 999 ||
        !span_ok(r->body, r->body_len) || !span_ok(r->error_type, r->error_type_len) ||
        !span_ok(r->request_id, r->request_id_len) ||
        !span_ok(r->retry_after, r->retry_after_len)) {
        return invalid_argument(err);
    }
    if (r->status < 200 || r->status > 299) {
        if (err != NULL) {
            eic_service_error_read(err, r, client->tokens, client->token_count);
        }
        return EIC_ERR_SERVICE;
    }
    if (err != NULL) {
        eic_error_reset(err, r->status);
    }
    return EIC_OK;
}

/* begin(), then the body parsed into the client's tokens. */
static eic_status begin_body(eic_client *client, const eic_response *r, eic_error *err,
                             eic_json_doc *d)
{
    eic_status s = begin(client, r, err);
    return s != EIC_OK
               ? s
               : eic_json_parse(d, r->body, r->body_len, client->tokens, client->token_count);
}

/* ---- members ----------------------------------------------------------- */

/* The readers below set or clear a member whole: a repeated key counts as
 * its last occurrence, and a null there clears what an earlier one set. */

static eic_status read_string(const eic_json_doc *d, size_t v, char *out, size_t cap,
                              uint8_t *present)
{
    *present = 0;
    out[0] = '\0';
    if (eic_json_is_null(d, v)) {
        return EIC_OK;
    }
    eic_status s = eic_json_string(d, v, out, cap);
    *present = s == EIC_OK;
    return s;
}

static eic_status read_int(const eic_json_doc *d, size_t v, eic_optional_int *out)
{
    out->is_set = 0;
    out->value = 0;
    if (eic_json_is_null(d, v)) {
        return EIC_OK;
    }
    eic_status s = eic_json_int32(d, v, &out->value);
    out->is_set = s == EIC_OK;
    return s;
}

/* LastModified: its value, and its text as sent, so a tool can echo it. */
static eic_status read_last_modified(const eic_json_doc *d, size_t v, eic_event_invoke_config *c)
{
    c->has_last_modified = 0;
    c->last_modified_ms = 0;
    c->last_modified_text[0] = '\0';
    c->last_modified_is_string = 0;
    if (eic_json_is_null(d, v)) {
        return EIC_OK;
    }
    const eic_json_token *t = &d->tok[v];
    size_t n = (size_t)(t->end - t->start);
    eic_status s = eic_json_epoch_ms(d, v, &c->last_modified_ms);
    if (s == EIC_OK && n > EIC_TIMESTAMP_TEXT_MAX) {
        s = EIC_ERR_FIELD_TOO_LONG;
    }
    if (s != EIC_OK) {
        return s;
    }
    memcpy(c->last_modified_text, d->js + t->start, n);
    c->last_modified_text[n] = '\0';
    c->last_modified_is_string = eic_json_is(d, v, JSMN_STRING);
    c->has_last_modified = 1;
    return EIC_OK;
}

/* null is "absent"; anything else must be an object. */
static eic_status object_or_null(const eic_json_doc *d, size_t v, uint8_t *present)
{
    *present = 0;
    if (eic_json_is_null(d, v)) {
        return EIC_OK;
    }
    if (!eic_json_is(d, v, JSMN_OBJECT)) {
        return EIC_ERR_MALFORMED_RESPONSE;
    }
    *present = 1;
    return EIC_OK;
}

/* Each member loop below walks an object's keys: a key at k, its value at
 * k + 1, the next key after the value's subtree. A failure returns at once,
 * before the step to the next key: with the status out of the loop
 * condition, the compiler emits one step per loop instead of one per exit
 * path (this file's flash budget, issue 5). */

/* OnSuccess / OnFailure: {"Destination": "arn…"}, or {} when none is set. */
static eic_status read_destination(const eic_json_doc *d, size_t obj, eic_destination *out)
{
    memset(out, 0, sizeof *out);
    eic_status s = object_or_null(d, obj, &out->present);
    if (s != EIC_OK || !out->present) {
        return s;
    }
    size_t k = obj + 1;
    for (int m = 0; m < d->tok[obj].size; m++) {
        if (eic_json_key_is(d, k, "Destination")) {
            s = read_string(d, k + 1, out->destination, sizeof out->destination,
                            &out->has_destination);
            if (s != EIC_OK) {
                return s;
            }
        }
        k = eic_json_next(d, k + 1);
    }
    return EIC_OK;
}

static eic_status read_destination_config(const eic_json_doc *d, size_t obj,
                                          eic_event_invoke_config *c)
{
    /* on_success and on_failure are adjacent members: one clear for both. */
    memset(&c->on_success, 0, (size_t)((char *)(&c->on_failure + 1) - (char *)&c->on_success));
    eic_status s = object_or_null(d, obj, &c->has_destination_config);
    if (s != EIC_OK || !c->has_destination_config) {
        return s;
    }
    size_t k = obj + 1;
    for (int m = 0; m < d->tok[obj].size; m++) {
        int which = eic_json_key_index(d, k, "OnSuccess\0OnFailure\0");
        if (which >= 0) {
            s = read_destination(d, k + 1, which == 0 ? &c->on_success : &c->on_failure);
            if (s != EIC_OK) {
                return s;
            }
        }
        k = eic_json_next(d, k + 1);
    }
    return EIC_OK;
}

/* One FunctionEventInvokeConfig object. */
static eic_status read_config(const eic_json_doc *d, size_t obj, eic_event_invoke_config *c)
{
    if (!eic_json_is(d, obj, JSMN_OBJECT)) {
        return EIC_ERR_MALFORMED_RESPONSE;
    }
    size_t k = obj + 1;
    for (int m = 0; m < d->tok[obj].size; m++) {
        size_t v = k + 1;
        eic_status s = EIC_OK;
        int which =
            eic_json_key_index(d, k,
                               "FunctionArn\0MaximumRetryAttempts\0MaximumEventAgeInSeconds\0"
                               "LastModified\0DestinationConfig\0");
        switch (which) {
        case 0:
            s = read_string(d, v, c->function_arn, sizeof c->function_arn, &c->has_function_arn);
            break;
        case 1: /* one call site for both integers: read_int is inlined once */
        case 2:
            s = read_int(
                d, v, which == 1 ? &c->maximum_retry_attempts : &c->maximum_event_age_in_seconds);
            break;
        case 3:
            s = read_last_modified(d, v, c);
            break;
        case 4:
            s = read_destination_config(d, v, c);
            break;
        default: /* a member added later */
            break;
        }
        if (s != EIC_OK) {
            return s;
        }
        k = eic_json_next(d, v);
    }
    return EIC_OK;
}

static void clear_items(eic_list_result *list)
{
    if (list->configs != NULL) {
        memset(list->configs, 0, list->capacity * sizeof list->configs[0]);
    }
    list->count = 0;
}

/* FunctionEventInvokeConfigs: an array of configs, or null. */
static eic_status read_configs(const eic_json_doc *d, size_t arr, eic_list_result *list)
{
    clear_items(list);
    list->has_configs = 0;
    if (eic_json_is_null(d, arr)) {
        return EIC_OK;
    }
    if (!eic_json_is(d, arr, JSMN_ARRAY)) {
        return EIC_ERR_MALFORMED_RESPONSE;
    }
    list->has_configs = 1;
    size_t n = (size_t)d->tok[arr].size;
    if (n > list->capacity) {
        return EIC_ERR_TOO_MANY_ITEMS;
    }
    list->count = n;
    size_t v = arr + 1;
    for (size_t i = 0; i < n; i++) {
        eic_status s = read_config(d, v, &list->configs[i]);
        if (s != EIC_OK) {
            return s;
        }
        v = eic_json_next(d, v);
    }
    return EIC_OK;
}

static eic_status read_list(const eic_json_doc *d, eic_list_result *list)
{
    if (!eic_json_is(d, 0, JSMN_OBJECT)) {
        return EIC_ERR_MALFORMED_RESPONSE;
    }
    size_t k = 1;
    for (int m = 0; m < d->tok[0].size; m++) {
        int which = eic_json_key_index(d, k, "FunctionEventInvokeConfigs\0NextMarker\0");
        eic_status s = EIC_OK;
        if (which == 0) {
            s = read_configs(d, k + 1, list);
        } else if (which == 1) {
            s = read_string(d, k + 1, list->next_marker, sizeof list->next_marker,
                            &list->has_next_marker);
        }
        if (s != EIC_OK) {
            return s;
        }
        k = eic_json_next(d, k + 1);
    }
    return EIC_OK;
}

/* ---- public ------------------------------------------------------------ */

static void clear_config(eic_event_invoke_config *c)
{
    memset(c, 0, sizeof *c);
}

/* Everything but the caller's array and its capacity. */
static void clear_list(eic_list_result *list)
{
    clear_items(list);
    list->has_configs = 0;
    list->has_next_marker = 0;
    memset(list->next_marker, 0, sizeof list->next_marker);
}

eic_status eic_parse_config(eic_client *client, const eic_response *response,
                            eic_event_invoke_config *config, eic_error *err)
{
    eic_json_doc d;
    if (config == NULL) {
        return invalid_argument(err);
    }
    clear_config(config);
    eic_status s = begin_body(client, response, err, &d);
    if (s == EIC_OK) {
        s = read_config(&d, 0, config);
    }
    if (s != EIC_OK) {
        clear_config(config);
    }
    return s;
}

eic_status eic_parse_list(eic_client *client, const eic_response *response, eic_list_result *list,
                          eic_error *err)
{
    eic_json_doc d;
    if (list == NULL || (list->configs == NULL && list->capacity != 0)) {
        return invalid_argument(err);
    }
    clear_list(list);
    eic_status s = begin_body(client, response, err, &d);
    if (s == EIC_OK) {
        s = read_list(&d, list);
    }
    if (s != EIC_OK) {
        clear_list(list);
    }
    return s;
}

eic_status eic_parse_delete(eic_client *client, const eic_response *response, eic_error *err)
{
    /* 204 with no body; whatever a proxy might put there changes nothing. */
    return begin(client, response, err);
}
