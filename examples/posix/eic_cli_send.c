/* Sending for real (host example): the POSIX socket port, mbedTLS TLS over
 * it for https, and the library's blocking calls with their retries. */
#define _POSIX_C_SOURCE 200809L

#include "eic_cli.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "eic_port_posix.h"
#include "eic_port_tls.h"

/* The CA bundle Debian's ca-certificates installs. */
#define DEFAULT_CA_BUNDLE "/etc/ssl/certs/ca-certificates.crt"

/* Large enough for a List page of 50 configurations with long destinations. */
static uint8_t rx[64 * 1024];

static eic_port transport;   /* what the client uses: the socket, or TLS over it */
static eic_port socket_port; /* TCP */
static eic_posix_socket socket_state;
static eic_tls tls_state;

static uint32_t env_ms(const char *name)
{
    const char *v = getenv(name);
    char *end;
    unsigned long ms = v != NULL ? strtoul(v, &end, 10) : 0;
    return v != NULL && *v != '\0' && *end == '\0' && ms <= UINT32_MAX ? (uint32_t)ms : 0;
}

void eic_cli_transport_config(eic_client_config *cfg)
{
    cfg->port = &transport;
    cfg->rx.data = rx;
    cfg->rx.size = sizeof rx;
    cfg->connect_timeout_ms = env_ms("EIC_CONNECT_TIMEOUT_MS");
    cfg->read_timeout_ms = env_ms("EIC_READ_TIMEOUT_MS");
    cfg->retry_base_ms = env_ms("EIC_RETRY_BASE_MS");
    cfg->retry_after_max_ms = env_ms("EIC_RETRY_AFTER_MAX_MS");
}

static int uses_tls(const char *endpoint_url)
{
    return endpoint_url == NULL || strncasecmp(endpoint_url, "https://", 8) == 0;
}

/* The endpoint as messages name it. */
static const char *endpoint_name(const eic_client *client, const eic_cli_args *args, char *buf,
                                 size_t cap)
{
    if (args->endpoint_url != NULL) {
        return args->endpoint_url;
    }
    snprintf(buf, cap, "https://%s", client->host);
    return buf;
}

typedef struct {
    eic_client *client;
    const eic_cli_args *args;
} live_call;

static eic_status call_service(void *ctx, eic_event_invoke_config *config, eic_list_result *list,
                               eic_error *err)
{
    const live_call *call = ctx;
    eic_cli_requests r;
    eic_cli_make_requests(call->args, &r);
    switch (call->args->op->kind) {
    case EIC_CLI_PUT:
        return eic_put_function_event_invoke_config(call->client, &r.put, config, err);
    case EIC_CLI_UPDATE:
        return eic_update_function_event_invoke_config(call->client, &r.put, config, err);
    case EIC_CLI_GET:
        return eic_get_function_event_invoke_config(call->client, &r.get, config, err);
    case EIC_CLI_DELETE:
        return eic_delete_function_event_invoke_config(call->client, &r.get, err);
    case EIC_CLI_LIST:
        return eic_list_function_event_invoke_configs(call->client, &r.list, list, err);
    }
    return EIC_ERR_INVALID_ARGUMENT;
}

int eic_cli_send(eic_client *client, const eic_cli_args *args)
{
    char name[EIC_HOST_MAX + 16];
    const char *endpoint = endpoint_name(client, args, name, sizeof name);
    int tls = uses_tls(args->endpoint_url);
    eic_port_posix_init(&socket_port, &socket_state);
    transport = socket_port;
    if (tls) {
        eic_tls_options opts;
        memset(&opts, 0, sizeof opts);
        opts.ca_file = args->ca_bundle != NULL ? args->ca_bundle : DEFAULT_CA_BUNDLE;
        eic_status st = eic_port_tls_init(&transport, &tls_state, &socket_port, &opts);
        if (st != EIC_OK) {
            return eic_cli_fail("cannot use the CA bundle %s: %s", opts.ca_file,
                                eic_status_str(st));
        }
    }
    live_call call = {client, args};
    int rc = eic_cli_run_operation(args->op, call_service, &call, endpoint);
    eic_client_deinit(client);
    if (tls) {
        eic_port_tls_free(&tls_state);
    }
    return rc;
}
