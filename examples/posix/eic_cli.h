/* The eic command-line tool (host example, above the core): what its parts
 * share. One concern per file:
 *   eic_cli_main.c         flow: arguments → settings → client → build → send/dry-run
 *   eic_cli_args.c         the command line (operations, options, integers)
 *   eic_cli_destination.c  --destination-config JSON
 *   eic_cli_json.c         JSON reading (jsmn, string unescaping)
 *   eic_cli_profile.c      environment, ~/.aws/credentials and ~/.aws/config
 *   eic_cli_response.c     a raw HTTP response → eic_parse_* → output
 *   eic_cli_output.c       results as JSON, as the AWS CLI prints them
 *   eic_cli_errors.c       error messages, as the AWS CLI words them
 *
 * Host-only code: it allocates and uses libc freely. It never prints a secret
 * (secret access key, session token) — except that --dry-run prints the
 * request exactly as it would go on the wire, which carries the session
 * token in X-Amz-Security-Token. */
#ifndef EIC_CLI_H
#define EIC_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "eic/eic.h"

/* Exit statuses, those of the AWS CLI v2. */
#define EIC_CLI_EXIT_OK 0
#define EIC_CLI_EXIT_USAGE 252   /* invalid arguments or parameters */
#define EIC_CLI_EXIT_CONFIG 253  /* missing credentials or configuration */
#define EIC_CLI_EXIT_SERVICE 254 /* the service answered with an error */
#define EIC_CLI_EXIT_OTHER 255   /* anything else: network, TLS, protocol, files */

/* Attempts of botocore's "standard" retry mode, the policy eic follows. */
#define EIC_CLI_MAX_ATTEMPTS 3

typedef enum {
    EIC_CLI_PUT,
    EIC_CLI_UPDATE,
    EIC_CLI_GET,
    EIC_CLI_DELETE,
    EIC_CLI_LIST
} eic_cli_op_kind;

/* Per-operation options, as bits of eic_cli_operation::options. */
#define EIC_CLI_OPT_QUALIFIER 0x01u
#define EIC_CLI_OPT_RETRY 0x02u
#define EIC_CLI_OPT_EVENT_AGE 0x04u
#define EIC_CLI_OPT_DESTINATION 0x08u
#define EIC_CLI_OPT_MARKER 0x10u
#define EIC_CLI_OPT_MAX_ITEMS 0x20u

typedef struct {
    const char *cli_name; /* put-function-event-invoke-config */
    const char *api_name; /* PutFunctionEventInvokeConfig */
    eic_cli_op_kind kind;
    unsigned options; /* EIC_CLI_OPT_* the operation accepts */
} eic_cli_operation;

/* The command line, parsed. Strings point into argv except the two
 * destinations of destination_config, which are unescaped copies (owned:
 * eic_cli_destination_config_free). */
typedef struct {
    const eic_cli_operation *op;
    const char *function_name;
    const char *qualifier;
    const char *marker;
    eic_optional_int maximum_retry_attempts;
    eic_optional_int maximum_event_age_in_seconds;
    eic_optional_int max_items;
    eic_destination_config destination_config; /* presence at every level */
    const char *region;
    const char *endpoint_url;
    const char *ca_bundle; /* PEM CA bundle for https; NULL: the system's */
    const char *profile;
    const char *signing_time;
    const char *response_file;
    int dry_run;
} eic_cli_args;

/* The request structs of every operation, filled from the arguments. */
typedef struct {
    eic_put_request put; /* Put and Update */
    eic_get_request get; /* Get and Delete */
    eic_list_request list;
} eic_cli_requests;

void eic_cli_make_requests(const eic_cli_args *args, eic_cli_requests *r);

/* Where credentials and region come from, once resolved. Owned copies; the
 * secrets are wiped by eic_cli_settings_free(). */
typedef struct {
    char *region;
    char *access_key_id;
    char *secret_access_key;
    char *session_token; /* NULL: none */
} eic_cli_settings;

/* ---- eic_cli_args.c ---- */

/* Parses argv. Returns EIC_CLI_EXIT_OK, or an exit status after printing the
 * reason; -1 when help was printed (exit 0). */
int eic_cli_parse_args(int argc, char **argv, eic_cli_args *args);
void eic_cli_args_free(eic_cli_args *args);

/* ---- eic_cli_destination.c ---- */

/* Reads the AWS CLI's JSON form of DestinationConfig into *out, saying what
 * was present at each level as botocore would send it: `{}` sets out->is_set
 * alone, `{"OnSuccess":{}}` sets on_success.is_set with a NULL destination.
 * The destination strings are owned copies. Returns EIC_CLI_EXIT_OK or
 * EIC_CLI_EXIT_USAGE after printing the reason (*out then all clear). */
int eic_cli_parse_destination_config(const char *json, eic_destination_config *out);
/* Frees the destination strings and clears *d. */
void eic_cli_destination_config_free(eic_destination_config *d);

/* ---- eic_cli_json.c ---- */

typedef enum {
    EIC_CLI_JSON_OBJECT,
    EIC_CLI_JSON_ARRAY,
    EIC_CLI_JSON_STRING,
    EIC_CLI_JSON_INT,
    EIC_CLI_JSON_FLOAT,
    EIC_CLI_JSON_BOOL,
    EIC_CLI_JSON_NULL
} eic_cli_json_type;

/* A parsed JSON text: jsmn tokens over the caller's text. */
typedef struct {
    const char *text;
    eic_json_token *tokens;
    int count;
} eic_cli_json;

/* Parses one JSON value (surrounding white space allowed). Returns 0, or -1
 * with *reason set to a static description. */
int eic_cli_json_parse(eic_cli_json *doc, const char *text, size_t len, const char **reason);
void eic_cli_json_free(eic_cli_json *doc);
/* The token after the value at i and everything inside it. */
int eic_cli_json_next(const eic_cli_json *doc, int i);
eic_cli_json_type eic_cli_json_type_of(const eic_cli_json *doc, int i);
/* A string token, unescaped to UTF-8 (\u escapes, surrogate pairs); owned.
 * NULL with *reason set when an escape is invalid. *len excludes the NUL
 * (the text may hold U+0000). */
char *eic_cli_json_string(const eic_cli_json *doc, int i, size_t *len, const char **reason);

/* ---- eic_cli_profile.c ---- */

/* Resolves region and credentials as the AWS CLI does; access_key_id stays
 * NULL when no credentials were found (the caller reports it after
 * validating the parameters, as the AWS CLI does). Returns
 * EIC_CLI_EXIT_OK or an exit status after printing the reason. */
int eic_cli_resolve_settings(const eic_cli_args *args, eic_cli_settings *out);
void eic_cli_settings_free(eic_cli_settings *s);

/* ---- eic_cli_response.c ---- */

/* Splits a raw HTTP/1.1 response (status line, headers, blank line, body;
 * CRLF or LF) into what eic_parse_* needs. Pointers point into raw. */
eic_status eic_cli_split_response(const char *raw, size_t len, eic_response *out);

/* Fills the result of an operation (config for Put/Update/Get, list for
 * List, nothing for Delete) and err; returns the operation's status. */
typedef eic_status (*eic_cli_fill_fn)(void *ctx, eic_event_invoke_config *config,
                                      eic_list_result *list, eic_error *err);

/* Runs fill, then prints the result (stdout) or the error (stderr) in the
 * AWS CLI's words and returns the exit status. A retryable service error
 * after the last allowed attempt gets "(reached max retries: N)"; a transport
 * failure names endpoint. */
int eic_cli_run_operation(const eic_cli_operation *op, eic_cli_fill_fn fill, void *ctx,
                          const char *endpoint);

/* A raw HTTP response (--response-file) taken as what the service answers to
 * every attempt: parsed with eic_parse_*, then as eic_cli_run_operation. */
int eic_cli_handle_response(eic_client *client, const eic_cli_operation *op, const char *raw,
                            size_t len);

/* ---- eic_cli_output.c ---- */

void eic_cli_print_config(FILE *f, const eic_event_invoke_config *c);
void eic_cli_print_list(FILE *f, const eic_list_result *list);
/* Epoch milliseconds as Python's repr() of the float seconds: 1573687896.493,
 * 1573687896.5, 1573687896.0. */
void eic_cli_format_epoch_ms(int64_t ms, char *buf, size_t cap);
/* A string as Python's json.dumps(..., ensure_ascii=False) writes it. */
void eic_cli_print_json_string(FILE *f, const char *s, size_t len);
/* s as plain text for a message, with control characters shown as \xNN so
 * that a value cannot drive the terminal or fake a line. */
void eic_cli_print_text(FILE *f, const char *s);

/* ---- eic_cli_send.c ---- */

/* Points the client configuration at the tool's transport (POSIX sockets,
 * mbedTLS for https) and receive buffer, with the timeouts and retry pacing
 * of the environment: EIC_CONNECT_TIMEOUT_MS, EIC_READ_TIMEOUT_MS,
 * EIC_RETRY_BASE_MS, EIC_RETRY_AFTER_MAX_MS (milliseconds; unset or 0: the
 * library's defaults). */
void eic_cli_transport_config(eic_client_config *cfg);

/* Sends the operation for real and reports its outcome; returns the exit
 * status. */
int eic_cli_send(eic_client *client, const eic_cli_args *args);

/* ---- eic_cli_errors.c ---- */

/* "usage: ..." and "eic: error: <message>" on stderr; returns EIC_CLI_EXIT_USAGE. */
int eic_cli_usage_error(const char *fmt, ...);
void eic_cli_print_usage(FILE *f, int full);
/* A failed eic_build_*: the AWS CLI's "Parameter validation failed" block
 * naming the parameter, or a one-line reason. Returns the exit status. */
int eic_cli_report_build_error(const eic_cli_args *args, eic_status st, const eic_error *err);
/* "An error occurred (CODE) when calling the OP operation: MESSAGE", with
 * " (reached max retries: N)" before the colon when N >= 0. */
int eic_cli_report_service_error(const eic_cli_operation *op, const char *code, const char *message,
                                 int reached_max_retries);
/* "eic: <reason>" for anything else; returns EIC_CLI_EXIT_OTHER. */
int eic_cli_fail(const char *fmt, ...);

#endif /* EIC_CLI_H */
