/* eic: the command-line tool (host example, on the public eic API).
 *
 *   eic <operation> [options]      (see `eic --help`)
 *
 * Flow, in the order the AWS CLI reports problems: arguments (252) → a
 * named profile that does not exist (255) → partial credentials, missing
 * region (253; a malformed --region 252) → client → build the signed
 * request, which validates the parameters (252) → missing credentials (253)
 * → then one of:
 *   --dry-run             the exact request bytes on stdout, nothing else;
 *   --response-file FILE  FILE as the raw HTTP response to the request;
 *   neither               send it (eic_cli_send.c), with retries.
 *
 * Exit statuses are the AWS CLI v2's: 0, 252 invalid arguments or parameters,
 * 253 missing credentials or configuration, 254 service error, 255 other. */
#define _POSIX_C_SOURCE 200809L

#include "eic_cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Stand-ins used only to validate the parameters when no credentials were
 * found; nothing signed with them leaves the tool. */
#define PLACEHOLDER_KEY_ID "AKIDPLACEHOLDER"
#define PLACEHOLDER_SECRET "placeholder"

static uint8_t tx[EIC_TX_SIZE_MAX(EIC_SESSION_TOKEN_MAX)];
static eic_json_token tokens[EIC_JSON_TOKENS_LIST(EIC_MAX_ITEMS_MAX)];

static int current_amz_date(char *out, size_t cap)
{
    time_t now = time(NULL);
    struct tm tm;
    if (now == (time_t)-1 || gmtime_r(&now, &tm) == NULL ||
        strftime(out, cap, "%Y%m%dT%H%M%SZ", &tm) != 16) {
        return eic_cli_fail("cannot read the current UTC time");
    }
    return EIC_CLI_EXIT_OK;
}

/* eic_client_init checks region, endpoint and credentials at once; when it
 * fails, find which one, by trying each with known-good others. */
static int report_init_error(const eic_cli_args *args, const eic_client_config *cfg,
                             eic_status init_status)
{
    eic_status st;
    eic_client probe;
    eic_client_config c = *cfg;
    c.credentials.access_key_id = PLACEHOLDER_KEY_ID;
    c.credentials.secret_access_key = PLACEHOLDER_SECRET;
    c.credentials.session_token = NULL;
    c.region = "us-east-1";
    if (c.endpoint_url != NULL) {
        if (eic_client_init(&probe, &c) != EIC_OK) {
            fputs("\nInvalid endpoint: ", stderr);
            eic_cli_print_text(stderr, args->endpoint_url);
            fputc('\n', stderr);
            fputs("eic accepts http://HOST[:PORT][/] and https://HOST[:PORT][/] only\n", stderr);
            return EIC_CLI_EXIT_USAGE;
        }
        eic_client_deinit(&probe); /* only a client that was set up */
    }
    c.region = cfg->region;
    st = eic_client_init(&probe, &c);
    if (st != EIC_OK) {
        /* It passed botocore's check (see eic_cli_profile.c) but not eic's. */
        eic_cli_fail("the region '%s' cannot be used: %s", cfg->region, eic_status_str(st));
        return args->region != NULL ? EIC_CLI_EXIT_USAGE : EIC_CLI_EXIT_CONFIG;
    }
    eic_client_deinit(&probe);
    /* A configuration problem. Never print the credentials themselves. */
    eic_cli_fail("the credentials cannot be used: %s", eic_status_str(init_status));
    return EIC_CLI_EXIT_CONFIG;
}

static int init_client(const eic_cli_args *args, const eic_cli_settings *s, eic_client *client)
{
    eic_client_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.region = s->region;
    cfg.endpoint_url = args->endpoint_url;
    cfg.credentials.access_key_id =
        s->access_key_id != NULL ? s->access_key_id : PLACEHOLDER_KEY_ID;
    cfg.credentials.secret_access_key =
        s->access_key_id != NULL ? s->secret_access_key : PLACEHOLDER_SECRET;
    cfg.credentials.session_token = s->access_key_id != NULL ? s->session_token : NULL;
    cfg.tokens = tokens;
    cfg.token_count = sizeof tokens / sizeof tokens[0];
    cfg.tx.data = tx;
    cfg.tx.size = sizeof tx;
    eic_cli_transport_config(&cfg);
    eic_status st = eic_client_init(client, &cfg);
    return st == EIC_OK ? EIC_CLI_EXIT_OK : report_init_error(args, &cfg, st);
}

static eic_status build(eic_client *client, const eic_cli_args *a, const char *amz_date,
                        size_t *len, eic_error *err)
{
    eic_cli_requests r;
    eic_cli_make_requests(a, &r);
    switch (a->op->kind) {
    case EIC_CLI_PUT:
        return eic_build_put(client, &r.put, amz_date, tx, sizeof tx, len, err);
    case EIC_CLI_UPDATE:
        return eic_build_update(client, &r.put, amz_date, tx, sizeof tx, len, err);
    case EIC_CLI_GET:
        return eic_build_get(client, &r.get, amz_date, tx, sizeof tx, len, err);
    case EIC_CLI_DELETE:
        return eic_build_delete(client, &r.get, amz_date, tx, sizeof tx, len, err);
    case EIC_CLI_LIST:
        return eic_build_list(client, &r.list, amz_date, tx, sizeof tx, len, err);
    }
    return EIC_ERR_INVALID_ARGUMENT;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    size_t cap = 65536, n = 0;
    char *buf = f != NULL ? malloc(cap) : NULL;
    while (buf != NULL) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) {
            break;
        }
        char *bigger = realloc(buf, cap * 2);
        if (bigger == NULL) {
            free(buf);
            errno = ENOMEM;
        }
        buf = bigger;
        cap *= 2;
    }
    if (buf != NULL && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    if (f != NULL) {
        int saved = errno;
        fclose(f);
        errno = saved;
    }
    *len = n;
    return buf;
}

static int respond_from_file(eic_client *client, const eic_cli_args *args)
{
    size_t len;
    char *raw = read_file(args->response_file, &len);
    if (raw == NULL) {
        return eic_cli_fail("cannot read --response-file %s: %s", args->response_file,
                            strerror(errno));
    }
    int rc = eic_cli_handle_response(client, args->op, raw, len);
    free(raw);
    return rc;
}

static int write_request(size_t len)
{
    if (fwrite(tx, 1, len, stdout) != len || fflush(stdout) != 0) {
        return eic_cli_fail("cannot write the request to stdout");
    }
    return EIC_CLI_EXIT_OK;
}

static int run(const eic_cli_args *args, const eic_cli_settings *settings)
{
    char amz_date[17];
    eic_client client;
    eic_error err;
    size_t len = 0;
    int rc = EIC_CLI_EXIT_OK;
    if (args->signing_time != NULL) {
        snprintf(amz_date, sizeof amz_date, "%s", args->signing_time);
    } else {
        rc = current_amz_date(amz_date, sizeof amz_date);
    }
    if (rc == EIC_CLI_EXIT_OK) {
        rc = init_client(args, settings, &client);
    }
    if (rc != EIC_CLI_EXIT_OK) {
        return rc;
    }
    memset(&err, 0, sizeof err);
    eic_status st = build(&client, args, amz_date, &len, &err);
    if (st != EIC_OK) {
        rc = eic_cli_report_build_error(args, st, &err);
    } else if (settings->access_key_id == NULL) {
        fputs("Unable to locate credentials. You can configure credentials by running "
              "\"aws configure\".\n",
              stderr);
        rc = EIC_CLI_EXIT_CONFIG;
    } else if (args->dry_run) {
        rc = write_request(len);
    } else if (args->response_file != NULL) {
        rc = respond_from_file(&client, args);
    } else {
        rc = eic_cli_send(&client, args);
    }
    eic_client_deinit(&client);
    return rc;
}

int main(int argc, char **argv)
{
    eic_cli_args args;
    eic_cli_settings settings;
    int rc = eic_cli_parse_args(argc, argv, &args);
    if (rc != EIC_CLI_EXIT_OK) {
        return rc < 0 ? EIC_CLI_EXIT_OK : rc;
    }
    rc = eic_cli_resolve_settings(&args, &settings);
    if (rc == EIC_CLI_EXIT_OK) {
        rc = run(&args, &settings);
        eic_cli_settings_free(&settings);
    }
    eic_cli_args_free(&args);
    return rc;
}
