/* Error messages of the eic tool (host example), worded as the AWS CLI words
 * them (botocore's ClientError and ParamValidationError texts), and the
 * usage text. Where eic checks more than botocore does (maximum values and
 * lengths, patterns), the message extends botocore's form. No message
 * includes a credential. */
#define _POSIX_C_SOURCE 200809L

#include "eic_cli.h"

#include <stdarg.h>
#include <string.h>

void eic_cli_print_usage(FILE *f, int full)
{
    fputs("usage: eic <operation> [options]\n", f);
    if (!full) {
        return;
    }
    fputs("\noperations:\n"
          "  put-function-event-invoke-config     --function-name F [--qualifier Q]\n"
          "        [--maximum-retry-attempts N] [--maximum-event-age-in-seconds N]\n"
          "        [--destination-config JSON]\n"
          "  update-function-event-invoke-config  (the options of put)\n"
          "  get-function-event-invoke-config     --function-name F [--qualifier Q]\n"
          "  delete-function-event-invoke-config  --function-name F [--qualifier Q]\n"
          "  list-function-event-invoke-configs   --function-name F [--marker M] [--max-items N]\n"
          "\nglobal options:\n"
          "  --region R  --endpoint-url URL  --ca-bundle FILE  --profile P\n"
          "  --dry-run                          print the signed request, send nothing\n"
          "  --signing-time YYYYMMDDTHHMMSSZ    sign as of that time\n"
          "  --response-file FILE               read the response from FILE (raw HTTP)\n"
          "\nexit status: 0 success, 252 invalid arguments, 253 missing credentials or\n"
          "region, 254 service error, 255 anything else\n",
          f);
}

static void print_line(const char *prefix, const char *fmt, va_list ap)
{
    fputs(prefix, stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

int eic_cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    eic_cli_print_usage(stderr, 0);
    va_start(ap, fmt);
    print_line("eic: error: ", fmt, ap);
    va_end(ap);
    return EIC_CLI_EXIT_USAGE;
}

int eic_cli_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    print_line("eic: ", fmt, ap);
    va_end(ap);
    return EIC_CLI_EXIT_OTHER;
}

/* ---- validation ---------------------------------------------------------- */

/* What the model says about a member, for the messages. */
typedef struct {
    const char *name;
    int is_int;
    long min, max;    /* value range, or length range (-1: no minimum) */
    const char *what; /* what a valid value looks like */
} member_rule;

static const member_rule rules[] = {
    {"FunctionName", 0, 1, EIC_FUNCTION_NAME_MAX,
     "is not a function name, name:qualifier, partial ARN or function ARN"},
    {"Qualifier", 0, 1, EIC_QUALIFIER_MAX,
     "is not $LATEST, $LATEST.PUBLISHED, a version or an alias name"},
    {"Marker", 0, -1, EIC_MARKER_MAX, "holds a control character or is not valid UTF-8"},
    {"MaxItems", 1, EIC_MAX_ITEMS_MIN, EIC_MAX_ITEMS_MAX, NULL},
    {"MaximumRetryAttempts", 1, EIC_MAXIMUM_RETRY_ATTEMPTS_MIN, EIC_MAXIMUM_RETRY_ATTEMPTS_MAX,
     NULL},
    {"MaximumEventAgeInSeconds", 1, EIC_MAXIMUM_EVENT_AGE_MIN, EIC_MAXIMUM_EVENT_AGE_MAX, NULL},
    {"DestinationConfig.OnSuccess.Destination", 0, 0, EIC_DESTINATION_MAX,
     "is not an ARN or a kafka:// URI of valid UTF-8 without control characters"},
    {"DestinationConfig.OnFailure.Destination", 0, 0, EIC_DESTINATION_MAX,
     "is not an ARN or a kafka:// URI of valid UTF-8 without control characters"},
};

static const char *string_value(const eic_cli_args *a, const char *name)
{
    const eic_destination_config *d = &a->destination_config;
    return strcmp(name, "FunctionName") == 0 ? a->function_name
           : strcmp(name, "Qualifier") == 0  ? a->qualifier
           : strcmp(name, "Marker") == 0     ? a->marker
           : strcmp(name, "DestinationConfig.OnSuccess.Destination") == 0
               ? d->on_success.destination
           : strcmp(name, "DestinationConfig.OnFailure.Destination") == 0
               ? d->on_failure.destination
               : NULL;
}

/* Characters, as Python's len() and the model's limits count them: bytes
 * that do not continue a UTF-8 sequence. */
static size_t char_count(const char *s)
{
    size_t n = 0;
    for (; *s != '\0'; s++) {
        n += ((unsigned char)*s & 0xC0u) != 0x80u;
    }
    return n;
}

static eic_optional_int int_value(const eic_cli_args *a, const char *name)
{
    eic_optional_int none = {0, 0};
    return strcmp(name, "MaxItems") == 0                   ? a->max_items
           : strcmp(name, "MaximumRetryAttempts") == 0     ? a->maximum_retry_attempts
           : strcmp(name, "MaximumEventAgeInSeconds") == 0 ? a->maximum_event_age_in_seconds
                                                           : none;
}

/* The user's value, quoted, with what could disturb a terminal escaped. */
static void print_quoted(FILE *f, const char *s)
{
    eic_cli_print_json_string(f, s, strlen(s));
}

static void validation_line(const member_rule *r, const eic_cli_args *a, eic_status st)
{
    if (r->is_int) {
        eic_optional_int v = int_value(a, r->name);
        /* Below the minimum: botocore's own words. */
        fprintf(stderr, "Invalid value for parameter %s, value: %ld, valid min value: %ld", r->name,
                (long)v.value, r->min);
        if (v.value >= r->min) {
            fprintf(stderr, ", valid max value: %ld", r->max);
        }
        fputc('\n', stderr);
        return;
    }
    const char *s = string_value(a, r->name);
    size_t len = s != NULL ? char_count(s) : 0;
    if (st == EIC_ERR_FIELD_TOO_LONG && strcmp(r->name, "FunctionName") == 0 &&
        len <= (size_t)r->max) {
        /* The whole fits: the name part is longer than the model allows. */
        fprintf(stderr,
                "Invalid value for parameter FunctionName: the function name part is longer than "
                "%d characters\n",
                EIC_FUNCTION_NAME_ONLY_MAX);
    } else if (st == EIC_ERR_FIELD_TOO_LONG && len <= (size_t)r->max) {
        /* Few enough characters, too many bytes for eic's field (a Marker
         * of multi-byte characters). */
        fprintf(stderr,
                "Invalid length for parameter %s, value: %zu bytes, valid max length: %ld "
                "bytes\n",
                r->name, strlen(s), r->max);
    } else if (st == EIC_ERR_FIELD_TOO_LONG) {
        fprintf(stderr, "Invalid length for parameter %s, value: %zu, ", r->name, len);
        if (r->min >= 0) {
            fprintf(stderr, "valid min length: %ld, ", r->min);
        }
        fprintf(stderr, "valid max length: %ld\n", r->max);
    } else if (s != NULL && len == 0 && r->min > 0) {
        /* Empty where the model wants at least one character: botocore's words. */
        fprintf(stderr, "Invalid length for parameter %s, value: 0, valid min length: %ld\n",
                r->name, r->min);
    } else {
        fprintf(stderr, "Invalid value for parameter %s: ", r->name);
        print_quoted(stderr, s != NULL ? s : "");
        fprintf(stderr, " %s\n", r->what);
    }
}

int eic_cli_report_build_error(const eic_cli_args *args, eic_status st, const eic_error *err)
{
    int validation = st == EIC_ERR_INVALID_ARGUMENT || st == EIC_ERR_FIELD_TOO_LONG ||
                     st == EIC_ERR_OUT_OF_RANGE;
    const char *param = err->invalid_parameter;
    for (size_t i = 0; validation && param != NULL && i < sizeof rules / sizeof rules[0]; i++) {
        if (strcmp(rules[i].name, param) == 0) {
            fputs("\nParameter validation failed:\n", stderr);
            validation_line(&rules[i], args, st);
            return EIC_CLI_EXIT_USAGE;
        }
    }
    if (validation && param != NULL) {
        fprintf(stderr, "\nParameter validation failed:\nInvalid value for parameter %s: %s\n",
                param, eic_status_str(st));
        return EIC_CLI_EXIT_USAGE;
    }
    return eic_cli_fail("cannot build the request: %s", eic_status_str(st));
}

/* ---- service errors ------------------------------------------------------ */

int eic_cli_report_service_error(const eic_cli_operation *op, const char *code, const char *message,
                                 int reached_max_retries)
{
    fprintf(stderr, "\nAn error occurred (%s) when calling the %s operation", code, op->api_name);
    if (reached_max_retries >= 0) {
        fprintf(stderr, " (reached max retries: %d)", reached_max_retries);
    }
    fprintf(stderr, ": %s\n", message);
    return EIC_CLI_EXIT_SERVICE;
}
