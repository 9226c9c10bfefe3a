/* Calls one entry point of the bad-input table with a row's inputs, every
 * object it may write placed in the guarded arena, and reports what the call
 * touched (see bad_input_calls.h). */
#include "bad_input_calls.h"

#include <stdio.h>
#include <stdlib.h>

#define FUNCTION_ARN "arn:aws:lambda:us-west-2:123456789012:function:f"
#define CONFIG_JSON "{\"FunctionArn\":\"" FUNCTION_ARN "\",\"MaximumRetryAttempts\":1}"
#define LIST_JSON "{\"FunctionEventInvokeConfigs\":[" CONFIG_JSON "]}"

static recording rec;

void inputs_valid(inputs *in, entry e)
{
    memset(in, 0, sizeof *in);
    in->cfg.region = "us-west-2";
    in->cfg.endpoint_url = "http://127.0.0.1:9";
    in->cfg.credentials.access_key_id = "AKIDEXAMPLE";
    in->cfg.credentials.secret_access_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    in->cfg.credentials.session_token = "FwoGZXIvYXdzEXAMPLETOKEN";
    in->cfg.retry_base_ms = 1;
    in->put.function_name = "my-function";
    in->put.qualifier = "live";
    in->put.maximum_retry_attempts = EIC_SET(1);
    in->put.maximum_event_age_in_seconds = EIC_SET(300);
    in->put.destination_config.on_success =
        EIC_DESTINATION("arn:aws:sns:us-west-2:123456789012:done");
    in->put.destination_config.on_failure =
        EIC_DESTINATION("arn:aws:sqs:us-west-2:123456789012:dlq");
    in->get.function_name = "my-function";
    in->get.qualifier = "live";
    in->list.function_name = "my-function";
    in->list.marker = "page-2";
    in->list.max_items = EIC_SET(10);
    in->amz_date = "20231114T221320Z";
    in->cap = SIZE_FULL;
    in->tx_size = TX_FULL;
    in->rx_size = RX_FULL;
    in->token_count = EIC_JSON_TOKENS_LIST(2);
    in->list_capacity = 2;
    in->resp.status = 200;
    in->resp.body = e == E_PARSE_LIST ? LIST_JSON : CONFIG_JSON;
    in->resp.body_len = strlen(in->resp.body);
    if (e == E_PARSE_DELETE) {
        in->resp.status = 204;
        in->resp.body = NULL;
        in->resp.body_len = 0;
    }
    in->key_id = "AKIDEXAMPLE";
    in->secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    in->region = "us-east-1";
    in->service = "service";
    in->headers[0] = (eic_sigv4_header){"Host", 4, "example.amazonaws.com", 21};
    in->headers[1] = (eic_sigv4_header){"X-Amz-Date", 10, "20150830T123600Z", 16};
    in->sreq = (eic_sigv4_request){
        "GET", 3, "/a b", 4, "Param1=value1", 13, NULL, 2, (const uint8_t *)"{}", 2};
    in->tls.insecure_skip_verification = 1;
    in->tls.server_name = "example.com";
}

static eic_status call_build(entry e, eic_client *c, const inputs *in, uint8_t *out, size_t cap,
                             size_t *out_len, eic_error *err)
{
    const char *d = in->nulls & N_DATE ? NULL : in->amz_date;
    const void *r = in->nulls & N_REQUEST ? NULL
                    : e <= E_BUILD_UPDATE ? (const void *)&in->put
                    : e == E_BUILD_LIST   ? (const void *)&in->list
                                          : (const void *)&in->get;
    switch (e) {
    case E_BUILD_PUT:
        return eic_build_put(c, r, d, out, cap, out_len, err);
    case E_BUILD_UPDATE:
        return eic_build_update(c, r, d, out, cap, out_len, err);
    case E_BUILD_GET:
        return eic_build_get(c, r, d, out, cap, out_len, err);
    case E_BUILD_DELETE:
        return eic_build_delete(c, r, d, out, cap, out_len, err);
    default:
        return eic_build_list(c, r, d, out, cap, out_len, err);
    }
}

static eic_status call_blocking(entry e, eic_client *c, const inputs *in,
                                eic_event_invoke_config *cfg, eic_list_result *list, eic_error *err)
{
    int nreq = (in->nulls & N_REQUEST) != 0;
    switch (e) {
    case E_PUT:
        return eic_put_function_event_invoke_config(c, nreq ? NULL : &in->put, cfg, err);
    case E_UPDATE:
        return eic_update_function_event_invoke_config(c, nreq ? NULL : &in->put, cfg, err);
    case E_GET:
        return eic_get_function_event_invoke_config(c, nreq ? NULL : &in->get, cfg, err);
    case E_DELETE:
        return eic_delete_function_event_invoke_config(c, nreq ? NULL : &in->get, err);
    default:
        return eic_list_function_event_invoke_configs(c, nreq ? NULL : &in->list, list, err);
    }
}

/* The canned response the recording port serves for a blocking call:
 * Delete's 204, List's page, the others' configuration. */
static void serve_for(recording *rec, entry e)
{
    static char text[512];
    const char *body = e == E_LIST ? LIST_JSON : CONFIG_JSON;
    int n = e == E_DELETE
                ? snprintf(text, sizeof text, "HTTP/1.1 204 No Content\r\n\r\n")
                : snprintf(text, sizeof text, "HTTP/1.1 200 OK\r\nContent-Length: %u\r\n\r\n%s",
                           (unsigned)strlen(body), body);
    rec->response = text;
    rec->response_len = (size_t)n;
}

/* The sigv4 request of the inputs, its headers pointing into them. */
static eic_sigv4_request sigv4_request(inputs *in)
{
    eic_sigv4_request r = in->sreq;
    r.headers = r.headers == NULL && r.header_count == 2 ? in->headers : r.headers;
    return r;
}

static eic_status call_sigv4(entry e, inputs *in, eic_sigv4_signer *signer, char *out, size_t cap,
                             size_t *out_len)
{
    eic_sigv4_request r = sigv4_request(in);
    const eic_sigv4_request *req = in->nulls & N_REQUEST ? NULL : &r;
    const char *date = in->nulls & N_DATE ? NULL : in->amz_date;
    if (signer != NULL &&
        eic_sigv4_signer_init(signer, in->key_id, in->secret, in->region, in->service) != EIC_OK) {
        abort(); /* the valid signer must be accepted */
    }
    signer = in->nulls & N_SIGNER ? NULL : signer;
    switch (e) {
    case E_CANONICAL:
        return eic_sigv4_canonical_request(req, out, cap, out_len);
    case E_STRING_TO_SIGN:
        return eic_sigv4_string_to_sign(signer, req, date, out, cap, out_len);
    case E_AUTHORIZATION:
        return eic_sigv4_authorization(signer, req, date, out, cap, out_len);
    default:
        return eic_sigv4_authorization_length(signer, req, date, out_len);
    }
}

static void call_client(entry e, inputs *in, arena *a, eic_client_config *cfg, outcome *o)
{
    eic_client *client = arena_place(a, sizeof *client);
    eic_error *err = arena_place(a, sizeof *err);
    size_t cap = in->cap == SIZE_FULL ? OUT_FULL : in->cap;
    uint8_t *out = arena_place(a, cap);
    size_t *out_len = arena_place(a, sizeof *out_len);
    eic_event_invoke_config *config = arena_place(a, sizeof *config);
    eic_list_result *list = arena_place(a, sizeof *list);
    eic_event_invoke_config *configs = arena_place(a, in->list_capacity * sizeof *configs);
    if (client == NULL || err == NULL || out == NULL || out_len == NULL || config == NULL ||
        list == NULL || configs == NULL) {
        o->harness_ok = 0;
        return;
    }
    eic_client *c = in->nulls & N_CLIENT ? NULL : client;
    eic_error *e_err = in->nulls & N_ERR ? NULL : err;
    if (e == E_CLIENT_INIT) {
        o->status = eic_client_init(c, in->nulls & N_CONFIG ? NULL : cfg);
        o->wrote = written(client, sizeof *client);
        return;
    }
    if (eic_client_init(client, cfg) != EIC_OK) {
        o->harness_ok = 0;
        return;
    }
    memset(list, 0, sizeof *list); /* what a List (parse or blocking) fills */
    list->configs = in->list_configs_null ? NULL : configs;
    list->capacity = in->list_capacity;
    if (is_build(e)) {
        o->status = call_build(e, c, in, in->nulls & N_OUT ? NULL : out, cap,
                               in->nulls & N_OUT_LEN ? NULL : out_len, e_err);
        o->out_touched = written(out, cap);
        memcpy(&o->out_len, out_len, sizeof o->out_len);
        o->wrote = o->out_touched;
    } else if (is_parse(e)) {
        const eic_response *r = in->nulls & N_RESPONSE ? NULL : &in->resp;
        if (e == E_PARSE_CONFIG) {
            o->status = eic_parse_config(c, r, in->nulls & N_RESULT ? NULL : config, e_err);
            o->wrote = written(config, sizeof *config);
        } else if (e == E_PARSE_LIST) {
            o->status = eic_parse_list(c, r, in->nulls & N_RESULT ? NULL : list, e_err);
            o->wrote = written(configs, in->list_capacity * sizeof *configs);
        } else {
            o->status = eic_parse_delete(c, r, e_err);
            o->wrote = written(err, sizeof *err);
        }
    } else {
        o->status = call_blocking(e, c, in, in->nulls & N_RESULT ? NULL : config,
                                  in->nulls & N_RESULT ? NULL : list, e_err);
        o->wrote = rec.sends > 0;
    }
    eic_client_deinit(client);
}

static void call_port_init(entry e, inputs *in, arena *a, eic_port *inner, outcome *o)
{
    eic_port *port = arena_place(a, sizeof *port);
    void *ctx = arena_place(a, e == E_TLS_INIT ? sizeof(eic_tls) : sizeof(eic_posix_socket));
    if (port == NULL || ctx == NULL) {
        o->harness_ok = 0;
        return;
    }
    eic_port *p = in->nulls & N_PORT ? NULL : port;
    if (e == E_TLS_INIT) {
        eic_tls *tls = in->nulls & N_TLS ? NULL : ctx;
        o->status = eic_port_tls_init(p, tls, in->nulls & N_INNER ? NULL : inner,
                                      in->nulls & N_OPTIONS ? NULL : &in->tls);
        if (tls != NULL) {
            eic_port_tls_free(tls);
        }
    } else {
        eic_port_posix_init(p, in->nulls & N_SOCK ? NULL : ctx);
        o->status = EIC_OK;
        o->out_touched = written(ctx, sizeof(eic_posix_socket));
    }
    o->wrote = written(port, sizeof *port);
}

outcome call_entry(entry e, inputs *in, arena *a)
{
    outcome o = {EIC_OK, 0, 0, 0, 0, 1, 0};
    eic_port port;
    memset(&rec, 0, sizeof rec);
    serve_for(&rec, e);
    recording_port(&port, &rec);
    arena_reset(a);
    eic_client_config cfg = in->cfg;
    cfg.port = cfg.port == NULL ? NULL : &port;
    cfg.tokens = in->no_tokens ? NULL : arena_place(a, in->token_count * sizeof(eic_json_token));
    cfg.token_count = in->token_count;
    cfg.tx.data = in->no_tx ? NULL : arena_place(a, in->tx_size);
    cfg.tx.size = in->tx_size;
    cfg.rx.data = in->no_rx ? NULL : arena_place(a, in->rx_size);
    cfg.rx.size = in->rx_size;
    if (e <= E_LIST) {
        call_client(e, in, a, &cfg, &o);
    } else if (e == E_SIGNER_INIT) {
        eic_sigv4_signer *signer = arena_place(a, sizeof *signer);
        o.status = eic_sigv4_signer_init(in->nulls & N_SIGNER ? NULL : signer, in->key_id,
                                         in->secret, in->region, in->service);
        o.wrote = written(signer, sizeof *signer);
        eic_sigv4_signer_clear(signer);
    } else if (e <= E_AUTH_LENGTH) {
        eic_sigv4_signer *signer = arena_place(a, sizeof *signer);
        size_t cap = in->cap == SIZE_FULL ? OUT_FULL : in->cap;
        char *out = arena_place(a, cap);
        size_t *out_len = arena_place(a, sizeof *out_len);
        o.status = call_sigv4(e, in, signer, in->nulls & N_OUT ? NULL : out, cap,
                              in->nulls & N_OUT_LEN ? NULL : out_len);
        o.wrote = e == E_AUTH_LENGTH ? written(out_len, sizeof *out_len) : written(out, cap);
        memcpy(&o.out_len, out_len, sizeof o.out_len);
        eic_sigv4_signer_clear(signer);
    } else {
        call_port_init(e, in, a, &port, &o);
    }
    o.connects = rec.connects;
    o.sends = rec.sends;
    return o;
}

size_t canned_response_len(entry e)
{
    recording r;
    serve_for(&r, e);
    return r.response_len;
}

size_t needed_size(entry e, const inputs *valid)
{
    static arena scratch;
    inputs in = *valid;
    in.cap = SIZE_FULL;
    in.nulls = 0;
    /* A blocking call sends what its build half writes. */
    outcome o = call_entry(is_blocking(e) ? (entry)(e - E_PUT + E_BUILD_PUT) : e, &in, &scratch);
    return o.status == EIC_OK && o.harness_ok ? o.out_len : 0;
}
