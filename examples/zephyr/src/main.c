/* eic on Zephyr (example): set the clock with SNTP, then configure the
 * asynchronous invocation of a Lambda function with one Put over TLS, through
 * eic's POSIX socket port (CONFIG_POSIX_API) and its mbedTLS port. Uses
 * documented Zephyr APIs only; built with `west build` (not built in this
 * repository's CI, which has no Zephyr SDK). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <zephyr/kernel.h>
#include <zephyr/net/sntp.h>
#include <zephyr/posix/time.h>

#include "eic/eic.h"
#include "eic_port_posix.h"
#include "eic_port_tls.h"

#define REGION "us-west-2"
#define FUNCTION_NAME "my-function"

/* Amazon Root CA 1 in PEM (paste it here, NUL-terminated), and the keys:
 * in a product they come from secure storage, never from the source. */
static const unsigned char aws_root_ca[] = "-----BEGIN CERTIFICATE-----\n"
                                           "...\n"
                                           "-----END CERTIFICATE-----\n";
#define ACCESS_KEY_ID "AKIDEXAMPLE"
#define SECRET_ACCESS_KEY "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

static uint8_t tx[EIC_PUT_TX_SIZE_MAX(0)];
static uint8_t rx[4096];
static eic_json_token tokens[EIC_JSON_TOKENS_CONFIG];
static eic_tls tls;
static eic_posix_socket sock;

/* SigV4 refuses a clock more than 5 minutes off: set it first. */
static int set_clock(void)
{
    struct sntp_time now;
    if (sntp_simple("pool.ntp.org", 10000, &now) != 0) {
        return -1;
    }
    struct timespec ts = {.tv_sec = (time_t)now.seconds, .tv_nsec = 0};
    return clock_settime(CLOCK_REALTIME, &ts);
}

int main(void)
{
    if (set_clock() != 0) {
        printf("SNTP failed; signing with the current clock\n");
    }
    eic_port tcp, tls_port;
    eic_port_posix_init(&tcp, &sock);
    eic_tls_options opts = {.ca_pem = aws_root_ca, .ca_pem_len = sizeof aws_root_ca};
    eic_status st = eic_port_tls_init(&tls_port, &tls, &tcp, &opts);
    if (st != EIC_OK) {
        printf("TLS: %s\n", eic_status_str(st));
        return 0;
    }
    eic_client client;
    eic_client_config cfg = {
        .region = REGION,
        .credentials = {.access_key_id = ACCESS_KEY_ID, .secret_access_key = SECRET_ACCESS_KEY},
        .tokens = tokens,
        .token_count = EIC_JSON_TOKENS_CONFIG,
        .port = &tls_port,
        .tx = {tx, sizeof tx},
        .rx = {rx, sizeof rx},
    };
    st = eic_client_init(&client, &cfg);
    if (st == EIC_OK) {
        eic_put_request put = {
            .function_name = FUNCTION_NAME,
            .maximum_retry_attempts = EIC_SET(0),
            .maximum_event_age_in_seconds = EIC_SET(3600),
        };
        eic_event_invoke_config result;
        eic_error error;
        st = eic_put_function_event_invoke_config(&client, &put, &result, &error);
        if (st == EIC_OK) {
            printf("Put done: %s\n", result.function_arn);
        } else if (st == EIC_ERR_SERVICE) {
            printf("Put refused (%d %s): %s\n", error.http_status, error.code, error.message);
        } else {
            printf("Put failed after %d attempts: %s\n", error.attempts, eic_status_str(st));
        }
        eic_client_deinit(&client);
    }
    eic_port_tls_free(&tls);
    return 0;
}
