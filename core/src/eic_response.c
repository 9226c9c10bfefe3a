/* The parse half of the operations (core, operations layer): a response's
 * status, headers and body into a result struct, or into an eic_error.
 *
 * Results are zeroed first and zeroed again on any failure, so a caller
 * never sees half a result. A member that is absent or null leaves its flag
 * clear; members the service adds later are skipped at any depth. */
#include "eic/eic.h"

#include <stddef.h>
#include <string.h>

#include "eic_http.h"
#include "eic_json_read.h"
#include "eic_json_write.h"
#include "eic_response.h"
#include "eic_service_error.h"

/* Whether every pointer of r is set or has length 0: its five pairs in a
 * row (eic_http.h). */
static int spans_ok(const eic_response *r)
{
    const char *at = (const char *)r + offsetof(eic_response, error_type);
    for (unsigned i = 0; i < 5; i++, at += EIC_RESPONSE_PAIR) {
        const char *p;
        size_t n;
        memcpy(&p, at, sizeof p);
        memcpy(&n, at + sizeof p, sizeof n);
        if (p == NULL && n != 0) {
            return 0;
        }
    }
    return 1;
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
    /* err is reset with the status of a 2xx, with 0 for bad arguments. */
    eic_status s = EIC_ERR_INVALID_ARGUMENT;
    int status = 0;
    if (client != NULL && r != NULL && r->status >= 100 && r->status <= 999 && spans_ok(r)) {
        if (r->status < 200 || r->status > 299) {
            if (err != NULL) {
                eic_service_error_read(err, r, client->tokens, client->token_count);
            }
            return EIC_ERR_SERVICE;
        }
        s = EIC_OK;
        status = r->status;
    }
    if (err != NULL) {
        eic_error_reset(err, status);
    }
    return s;
}

/* ---- members ----------------------------------------------------------- */

/* Every member a result holds, read by one walk over the response's tokens
 * driven by the table below instead of one reader per member.
 *
 * Each member owns a run of bytes in its struct that starts with its flag
 * (has_..., present, is_set): the run is cleared when the member's key comes
 * (a repeated key counts as its last occurrence, and a null there clears
 * what an earlier one set), then the flag is set and the value read. A
 * failure leaves the flag set, but the caller clears the whole result. */

/* The member names are eic_member_names' first ten, in the order of the
 * rows below (a later name's index is past every object's rows: skipped).
 * What a row reads: a string (the flag, then its buffer), an optional int,
 * LastModified, or the List's array of configs; or, with ROWS(first, end),
 * an object whose members are rows first..end-1. */
enum { STRING, INT, LAST_MODIFIED, CONFIGS };
#define ROWS(first, end) ((first) | (end) << 4)

#define CONFIG_ROW 10 /* a whole config: the root of a Get, an item of a List */
#define LIST_ROW 11   /* the root of a List page */
#define ROW_COUNT 12

/* read_root skips no item of an array because these rows are not 0. */
typedef char eic_item_rows_not_0_[CONFIG_ROW != 0 && LIST_ROW != 0 ? 1 : -1];

/* From the flag up to the end of member m (of struct type t). */
#define RUN(t, flag, m) (uint16_t)(offsetof(t, m) + sizeof((t *)0)->m - offsetof(t, flag))

#define FROM_DESTINATION_CONFIG(m)          \
    (offsetof(eic_event_invoke_config, m) - \
     offsetof(eic_event_invoke_config, has_destination_config))

/* The rows, each X(size, offset, kind): the bytes the member owns, its flag
 * first; where its flag is, from its object's flag (or struct); a kind
 * above, or ROWS(first, end) for an object. */
#define MEMBER_ROWS(X)                                                                           \
    /* 0..4: the members of a config */                                                          \
    X(RUN(eic_event_invoke_config, has_function_arn, function_arn),                              \
      offsetof(eic_event_invoke_config, has_function_arn), STRING)                               \
    X(sizeof(eic_optional_int), offsetof(eic_event_invoke_config, maximum_retry_attempts), INT)  \
    X(sizeof(eic_optional_int), offsetof(eic_event_invoke_config, maximum_event_age_in_seconds), \
      INT)                                                                                       \
    X(RUN(eic_event_invoke_config, has_last_modified, last_modified_is_string),                  \
      offsetof(eic_event_invoke_config, has_last_modified), LAST_MODIFIED)                       \
    X(RUN(eic_event_invoke_config, has_destination_config, on_failure),                          \
      offsetof(eic_event_invoke_config, has_destination_config), ROWS(5, 7))                     \
    /* 5, 6: DestinationConfig's, placed from its flag (they are in the config) */               \
    X(sizeof(eic_destination), FROM_DESTINATION_CONFIG(on_success), ROWS(7, 8))                  \
    X(sizeof(eic_destination), FROM_DESTINATION_CONFIG(on_failure), ROWS(7, 8))                  \
    /* 7: OnSuccess's and OnFailure's */                                                         \
    X(RUN(eic_destination, has_destination, destination),                                        \
      offsetof(eic_destination, has_destination), STRING)                                        \
    /* 8, 9: a List page's */                                                                    \
    X(1, offsetof(eic_list_result, has_configs), CONFIGS)                                        \
    X(RUN(eic_list_result, has_next_marker, next_marker),                                        \
      offsetof(eic_list_result, has_next_marker), STRING)                                        \
    /* CONFIG_ROW and LIST_ROW, the roots and the List's items: no flag                          \
     * (size 0), and never null. */                                                              \
    X(0, 0, ROWS(0, 5))                                                                          \
    X(0, 0, ROWS(8, 10))

#define SIZE_OF(size, offset, kind) size,
#define OFFSET_OF(size, offset, kind) offset,
#define KIND_OF(size, offset, kind) kind,

/* The table by columns: one base address, and no padding. */
static const struct {
    uint16_t size[ROW_COUNT];
    uint16_t offset[ROW_COUNT];
    uint8_t kind[ROW_COUNT];
} rows = {{MEMBER_ROWS(SIZE_OF)}, {MEMBER_ROWS(OFFSET_OF)}, {MEMBER_ROWS(KIND_OF)}};

/* Offsets and sizes fit the table's 16 bits with every size eic_config.h
 * allows. */
typedef char eic_member_offsets_fit_[sizeof(eic_event_invoke_config) < 65536 ? 1 : -1];

/* LastModified: its value, and its text as sent, so a tool can echo it. */
static eic_status read_last_modified(const eic_json_doc *d, size_t v, eic_event_invoke_config *c)
{
    const eic_json_token *t = &d->tok[v];
    size_t n = (size_t)(t->end - t->start);
    eic_status s = eic_json_epoch_ms(d, v, &c->last_modified_ms);
    if (s == EIC_OK && n > EIC_TIMESTAMP_TEXT_MAX) {
        s = EIC_ERR_FIELD_TOO_LONG;
    }
    if (s == EIC_OK) {
        memcpy(c->last_modified_text, d->js + t->start, n); /* the run was cleared: NUL-ended */
        c->last_modified_is_string = t->type == JSMN_STRING;
    }
    return s;
}

static void clear_items(eic_list_result *list)
{
    if (list->configs != NULL) {
        memset(list->configs, 0, list->capacity * sizeof list->configs[0]);
    }
    list->count = 0;
}

/* An object being read, or the items of an array (end 0: each item is read
 * by row `first`, and base moves on by a config for each). */
typedef struct {
    size_t k;      /* the next key, or the next item */
    size_t left;   /* keys or items still to read */
    uint8_t *base; /* the struct they read into */
    unsigned rows; /* ROWS(first, end) */
} level;

/* The root value, then the members of a List page, its array, a config's
 * members, DestinationConfig's and OnSuccess's or OnFailure's. */
#define DEPTH 6

/* Reads the root value by row `root` into base. One loop and a stack of the
 * objects open (the table's nesting bounds it) instead of a reader per
 * object, and no recursion. */
static eic_status read_root(const eic_json_doc *d, uint8_t *base, unsigned root)
{
    level stack[DEPTH];
    level *l = stack;
    *l = (level){0, 1, base, root};
    for (;;) {
        if (l->left == 0) {
            if (l == stack) {
                return EIC_OK;
            }
            l--;
            continue;
        }
        l->left--;
        size_t v = l->k;
        unsigned first = l->rows & 15u;
        unsigned r = first;
        uint8_t *at = l->base;
        if (l->rows >> 4 == 0) {
            l->base += sizeof(eic_event_invoke_config);
        } else {
            v++;
            r = (unsigned)eic_json_key_index(d, l->k, eic_member_names);
        }
        l->k = eic_json_next(d, v);
        /* An item's row is first, and an array's end is 0, so with first
         * never 0 there (CONFIG_ROW, LIST_ROW) end - first wraps: no item
         * is skipped. */
        if (r - first >= (l->rows >> 4) - first) {
            continue; /* a member added later */
        }
        unsigned kind = rows.kind[r];
        size_t size = rows.size[r];
        eic_status s;
        at += rows.offset[r];
        if (kind == CONFIGS) {
            clear_items((eic_list_result *)(void *)l->base);
        }
        if (size != 0) {
            memset(at, 0, size);
            /* v is a token of the document: a value after its key, or an item. */
            if (eic_json_is_null(d, v)) {
                continue;
            }
            *at = 1;
        }
        /* v is a token of the document: a value after its key, or an item. */
        const eic_json_token *t = &d->tok[v];
        size_t n = (size_t)t->size;
        if (kind >= CONFIGS) {
            /* An object to open, or the List's array of configs. */
            unsigned next = kind;
            if (t->type != (next == CONFIGS ? JSMN_ARRAY : JSMN_OBJECT)) {
                return EIC_ERR_MALFORMED_RESPONSE;
            }
            if (next == CONFIGS) {
                eic_list_result *list = (eic_list_result *)(void *)l->base;
                if (n > list->capacity) {
                    return EIC_ERR_TOO_MANY_ITEMS;
                }
                list->count = n;
                at = (uint8_t *)list->configs;
                next = CONFIG_ROW;
            }
            *++l = (level){v + 1, n, at, next};
            continue;
        }
        if (kind == STRING) {
            /* Copied strictly: a bad character is malformed, and a value
             * too long fails rather than being cut. */
            eic_json_chars c = {d->js + t->start, d->js + t->end, EIC_TEXT_JSON};
            s = t->type != JSMN_STRING
                    ? EIC_ERR_MALFORMED_RESPONSE
                    : eic_json_copy(&c, (char *)at + 1, size - 1u, EIC_COPY_STRICT);
        } else if (kind == INT) {
            s = eic_json_int32(d, v, &((eic_optional_int *)(void *)at)->value);
        } else {
            s = read_last_modified(d, v, (eic_event_invoke_config *)(void *)at);
        }
        if (s != EIC_OK) {
            return s;
        }
    }
}

/* ---- public ------------------------------------------------------------ */

/* Everything but the caller's array and its capacity. */
static void clear(void *out, int list)
{
    if (list) {
        clear_items(out);
        memset(&((eic_list_result *)out)->has_configs, 0,
               sizeof(eic_list_result) - offsetof(eic_list_result, has_configs));
    } else {
        memset(out, 0, sizeof(eic_event_invoke_config));
    }
}

/* The parse of a config (list 0) or a List page (list 1) into out, which
 * is cleared first and again on any failure. */
static eic_status parse(eic_client *client, const eic_response *response, void *out, int list,
                        eic_error *err)
{
    eic_json_doc d;
    clear(out, list);
    eic_status s = begin(client, response, err);
    if (s == EIC_OK) {
        s = eic_json_parse(&d, response->body, response->body_len, client->tokens,
                           client->token_count);
    }
    if (s == EIC_OK) {
        s = read_root(&d, out, list ? LIST_ROW : CONFIG_ROW);
    }
    if (s != EIC_OK) {
        clear(out, list);
    }
    return s;
}

int eic_result_ok(const void *result, int list)
{
    const eic_list_result *l = result;
    return result != NULL && (!list || l->configs != NULL || l->capacity == 0);
}

eic_status eic_parse_config_result(eic_client *client, const eic_response *response, void *result,
                                   eic_error *err)
{
    return parse(client, response, result, 0, err);
}

eic_status eic_parse_list_result(eic_client *client, const eic_response *response, void *result,
                                 eic_error *err)
{
    return parse(client, response, result, 1, err);
}

eic_status eic_parse_no_result(eic_client *client, const eic_response *response, void *result,
                               eic_error *err)
{
    /* 204 with no body; whatever a proxy might put there changes nothing. */
    (void)result;
    return begin(client, response, err);
}

/* The public calls, for callers with a response of their own: the blocking
 * calls take the entries above directly. */
eic_status eic_parse_config(eic_client *client, const eic_response *response,
                            eic_event_invoke_config *config, eic_error *err)
{
    return eic_result_ok(config, 0) ? parse(client, response, config, 0, err)
                                    : invalid_argument(err);
}

eic_status eic_parse_list(eic_client *client, const eic_response *response, eic_list_result *list,
                          eic_error *err)
{
    return eic_result_ok(list, 1) ? parse(client, response, list, 1, err) : invalid_argument(err);
}

eic_status eic_parse_delete(eic_client *client, const eic_response *response, eic_error *err)
{
    return eic_parse_no_result(client, response, NULL, err);
}
