/* The eic tool's command line (host example): `eic <operation> [options]`,
 * with the AWS CLI's operation and option names. Options may come before or
 * after the operation, as `--opt value` or `--opt=value`; a value is always
 * the next argument, even when it starts with '-' (`--maximum-retry-attempts
 * -1` reaches validation, as with the AWS CLI). A repeated option keeps its
 * last value. */
#define _POSIX_C_SOURCE 200809L

#include "eic_cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const eic_cli_operation operations[] = {
    {"put-function-event-invoke-config", "PutFunctionEventInvokeConfig", EIC_CLI_PUT,
     EIC_CLI_OPT_QUALIFIER | EIC_CLI_OPT_RETRY | EIC_CLI_OPT_EVENT_AGE | EIC_CLI_OPT_DESTINATION},
    {"update-function-event-invoke-config", "UpdateFunctionEventInvokeConfig", EIC_CLI_UPDATE,
     EIC_CLI_OPT_QUALIFIER | EIC_CLI_OPT_RETRY | EIC_CLI_OPT_EVENT_AGE | EIC_CLI_OPT_DESTINATION},
    {"get-function-event-invoke-config", "GetFunctionEventInvokeConfig", EIC_CLI_GET,
     EIC_CLI_OPT_QUALIFIER},
    {"delete-function-event-invoke-config", "DeleteFunctionEventInvokeConfig", EIC_CLI_DELETE,
     EIC_CLI_OPT_QUALIFIER},
    {"list-function-event-invoke-configs", "ListFunctionEventInvokeConfigs", EIC_CLI_LIST,
     EIC_CLI_OPT_MARKER | EIC_CLI_OPT_MAX_ITEMS},
};

typedef enum {
    OPT_FUNCTION_NAME,
    OPT_QUALIFIER,
    OPT_RETRY,
    OPT_EVENT_AGE,
    OPT_DESTINATION,
    OPT_MARKER,
    OPT_MAX_ITEMS,
    OPT_REGION,
    OPT_ENDPOINT_URL,
    OPT_CA_BUNDLE,
    OPT_PROFILE,
    OPT_SIGNING_TIME,
    OPT_RESPONSE_FILE,
    OPT_DRY_RUN,
    OPT_NO_PAGINATE
} option_id;

typedef struct {
    const char *name;
    option_id id;
    int takes_value;
    unsigned op_bit; /* 0: every operation accepts it */
} option_spec;

static const option_spec options[] = {
    {"--function-name", OPT_FUNCTION_NAME, 1, 0},
    {"--qualifier", OPT_QUALIFIER, 1, EIC_CLI_OPT_QUALIFIER},
    {"--maximum-retry-attempts", OPT_RETRY, 1, EIC_CLI_OPT_RETRY},
    {"--maximum-event-age-in-seconds", OPT_EVENT_AGE, 1, EIC_CLI_OPT_EVENT_AGE},
    {"--destination-config", OPT_DESTINATION, 1, EIC_CLI_OPT_DESTINATION},
    {"--marker", OPT_MARKER, 1, EIC_CLI_OPT_MARKER},
    {"--max-items", OPT_MAX_ITEMS, 1, EIC_CLI_OPT_MAX_ITEMS},
    {"--region", OPT_REGION, 1, 0},
    {"--endpoint-url", OPT_ENDPOINT_URL, 1, 0},
    {"--ca-bundle", OPT_CA_BUNDLE, 1, 0},
    {"--profile", OPT_PROFILE, 1, 0},
    {"--signing-time", OPT_SIGNING_TIME, 1, 0},
    {"--response-file", OPT_RESPONSE_FILE, 1, 0},
    {"--dry-run", OPT_DRY_RUN, 0, 0},
    /* List always fetches one page; accepted so that the same arguments can
     * be given to `aws` and to eic. */
    {"--no-paginate", OPT_NO_PAGINATE, 0, EIC_CLI_OPT_MARKER},
};

#define OPTION_COUNT (sizeof options / sizeof options[0])
#define OPERATION_COUNT (sizeof operations / sizeof operations[0])

/* Options seen, before the operation is known to check them against. */
typedef struct {
    const option_spec *spec;
    const char *value;
    const char *as_written; /* the argument, for "Unknown options" */
} seen_option;

static const option_spec *find_option(const char *arg, size_t name_len)
{
    for (size_t i = 0; i < OPTION_COUNT; i++) {
        if (strlen(options[i].name) == name_len && strncmp(options[i].name, arg, name_len) == 0) {
            return &options[i];
        }
    }
    return NULL;
}

static const eic_cli_operation *find_operation(const char *name)
{
    for (size_t i = 0; i < OPERATION_COUNT; i++) {
        if (strcmp(operations[i].cli_name, name) == 0) {
            return &operations[i];
        }
    }
    return NULL;
}

/* A decimal int32 with an optional sign; nothing else (no spaces, hex, '_'). */
static int parse_int32(const char *s, int32_t *out)
{
    const char *p = s + (*s == '-' || *s == '+');
    if (*p == '\0' || strspn(p, "0123456789") != strlen(p)) {
        return -1;
    }
    errno = 0;
    long long v = strtoll(s, NULL, 10);
    if (errno == ERANGE || v < INT32_MIN || v > INT32_MAX) {
        return -1;
    }
    *out = (int32_t)v;
    return 0;
}

static int set_int(eic_optional_int *out, const char *name, const char *value)
{
    int32_t v;
    if (parse_int32(value, &v) != 0) {
        return eic_cli_usage_error(
            "argument %s: invalid int value: '%s' (a decimal 32-bit integer)", name, value);
    }
    *out = EIC_SET(v);
    return EIC_CLI_EXIT_OK;
}

/* Stores one option's value; the operation has been checked to accept it. */
static int apply(eic_cli_args *a, const seen_option *o)
{
    const char *v = o->value;
    switch (o->spec->id) {
    case OPT_FUNCTION_NAME:
        a->function_name = v;
        break;
    case OPT_QUALIFIER:
        a->qualifier = v;
        break;
    case OPT_RETRY:
        return set_int(&a->maximum_retry_attempts, o->spec->name, v);
    case OPT_EVENT_AGE:
        return set_int(&a->maximum_event_age_in_seconds, o->spec->name, v);
    case OPT_DESTINATION:
        eic_cli_destination_config_free(&a->destination_config);
        return eic_cli_parse_destination_config(v, &a->destination_config);
    case OPT_MARKER:
        a->marker = v;
        break;
    case OPT_MAX_ITEMS:
        return set_int(&a->max_items, o->spec->name, v);
    case OPT_REGION:
        a->region = v;
        break;
    case OPT_ENDPOINT_URL:
        a->endpoint_url = v;
        break;
    case OPT_CA_BUNDLE:
        a->ca_bundle = v;
        break;
    case OPT_PROFILE:
        a->profile = v;
        break;
    case OPT_SIGNING_TIME:
        a->signing_time = v;
        break;
    case OPT_RESPONSE_FILE:
        a->response_file = v;
        break;
    case OPT_DRY_RUN:
        a->dry_run = 1;
        break;
    case OPT_NO_PAGINATE:
        break;
    }
    return EIC_CLI_EXIT_OK;
}

/* YYYYMMDDTHHMMSSZ with plausible fields. */
static int is_amz_date(const char *s)
{
    static const char shape[] = "ddddddddTddddddZ";
    if (strlen(s) != sizeof shape - 1) {
        return 0;
    }
    for (size_t i = 0; shape[i] != '\0'; i++) {
        if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i]) {
            return 0;
        }
    }
#define FIELD(at) ((s[at] - '0') * 10 + (s[(at) + 1] - '0'))
    int month = FIELD(4), day = FIELD(6), hour = FIELD(9), minute = FIELD(11), second = FIELD(13);
#undef FIELD
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 &&
           second <= 60;
}

/* Appends ", text" (or "text") to the list of unknown options. */
static void add_unknown(char *list, size_t cap, const char *text)
{
    size_t n = strlen(list);
    snprintf(list + n, cap - n, "%s%s", n != 0 ? ", " : "", text);
}

static int is_help(const char *arg)
{
    return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0 || strcmp(arg, "help") == 0;
}

/* First pass: split argv into the operation, known options with their
 * values, and leftovers. */
static int scan(int argc, char **argv, const char **op_name, seen_option *seen, size_t *seen_n,
                char *unknown, size_t unknown_cap)
{
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (is_help(arg)) {
            eic_cli_print_usage(stdout, 1);
            return -1;
        }
        if (strncmp(arg, "--", 2) != 0) {
            if (*op_name == NULL) {
                *op_name = arg;
            } else {
                add_unknown(unknown, unknown_cap, arg);
            }
            continue;
        }
        const char *eq = strchr(arg, '=');
        const option_spec *spec = find_option(arg, eq != NULL ? (size_t)(eq - arg) : strlen(arg));
        if (spec == NULL) {
            add_unknown(unknown, unknown_cap, arg);
            /* Its value, if it has one, is a leftover too (as the AWS CLI lists them). */
            while (eq == NULL && i + 1 < argc && strncmp(argv[i + 1], "--", 2) != 0 &&
                   *op_name != NULL) {
                add_unknown(unknown, unknown_cap, argv[++i]);
            }
            continue;
        }
        seen_option *o = &seen[(*seen_n)++];
        o->spec = spec;
        o->as_written = arg;
        o->value = NULL;
        if (spec->takes_value) {
            if (eq != NULL) {
                o->value = eq + 1;
            } else if (i + 1 < argc) {
                o->value = argv[++i];
            } else {
                return eic_cli_usage_error("argument %s: expected one argument", spec->name);
            }
        } else if (eq != NULL) {
            return eic_cli_usage_error("argument %s: ignored explicit argument '%s'", spec->name,
                                       eq + 1);
        }
    }
    return EIC_CLI_EXIT_OK;
}

static int check_operation(const char *op_name, const eic_cli_operation **op)
{
    if (op_name == NULL) {
        return eic_cli_usage_error("the following arguments are required: operation");
    }
    *op = find_operation(op_name);
    if (*op == NULL) {
        char choices[512] = "";
        for (size_t i = 0; i < OPERATION_COUNT; i++) {
            add_unknown(choices, sizeof choices, operations[i].cli_name);
        }
        return eic_cli_usage_error(
            "argument operation: Invalid choice: '%s', valid choices are: %s", op_name, choices);
    }
    return EIC_CLI_EXIT_OK;
}

int eic_cli_parse_args(int argc, char **argv, eic_cli_args *args)
{
    memset(args, 0, sizeof *args);
    size_t unknown_cap = 64;
    for (int i = 1; i < argc; i++) {
        unknown_cap += strlen(argv[i]) + 2;
    }
    seen_option *seen = calloc((size_t)argc, sizeof *seen);
    char *unknown = calloc(unknown_cap, 1);
    const char *op_name = NULL;
    size_t seen_n = 0;
    int rc = seen != NULL && unknown != NULL ? EIC_CLI_EXIT_OK : eic_cli_fail("out of memory");
    if (rc == EIC_CLI_EXIT_OK) {
        rc = scan(argc, argv, &op_name, seen, &seen_n, unknown, unknown_cap);
    }
    if (rc == EIC_CLI_EXIT_OK) {
        rc = check_operation(op_name, &args->op);
    }
    /* Options the operation does not take are unknown to it, as in the AWS CLI. */
    for (size_t i = 0; rc == EIC_CLI_EXIT_OK && i < seen_n; i++) {
        if (seen[i].spec->op_bit != 0 && !(args->op->options & seen[i].spec->op_bit)) {
            add_unknown(unknown, unknown_cap, seen[i].as_written);
            if (seen[i].value != NULL && strchr(seen[i].as_written, '=') == NULL) {
                add_unknown(unknown, unknown_cap, seen[i].value);
            }
        }
    }
    if (rc == EIC_CLI_EXIT_OK && unknown[0] != '\0') {
        rc = eic_cli_usage_error("Unknown options: %s", unknown);
    }
    for (size_t i = 0; rc == EIC_CLI_EXIT_OK && i < seen_n; i++) {
        rc = apply(args, &seen[i]);
    }
    if (rc == EIC_CLI_EXIT_OK && args->function_name == NULL) {
        rc = eic_cli_usage_error("the following arguments are required: --function-name");
    }
    if (rc == EIC_CLI_EXIT_OK && args->signing_time != NULL && !is_amz_date(args->signing_time)) {
        rc = eic_cli_usage_error("argument --signing-time: invalid value: '%s' (expected "
                                 "YYYYMMDDTHHMMSSZ)",
                                 args->signing_time);
    }
    free(seen);
    free(unknown);
    if (rc != EIC_CLI_EXIT_OK) {
        eic_cli_args_free(args);
    }
    return rc;
}

void eic_cli_args_free(eic_cli_args *args)
{
    eic_cli_destination_config_free(&args->destination_config);
}

void eic_cli_make_requests(const eic_cli_args *a, eic_cli_requests *r)
{
    memset(r, 0, sizeof *r);
    r->put.function_name = r->get.function_name = r->list.function_name = a->function_name;
    r->put.qualifier = r->get.qualifier = a->qualifier;
    r->put.maximum_retry_attempts = a->maximum_retry_attempts;
    r->put.maximum_event_age_in_seconds = a->maximum_event_age_in_seconds;
    r->put.destination_config = a->destination_config;
    r->list.marker = a->marker;
    r->list.max_items = a->max_items;
}
