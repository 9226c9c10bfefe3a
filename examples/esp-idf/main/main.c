/* eic on ESP-IDF 5.x (example): bring Wi-Fi up, set the clock with SNTP,
 * read credentials from menuconfig or NVS, and configure the asynchronous
 * invocation of a Lambda function with one Put. Uses documented ESP-IDF 5.1+
 * APIs only; built with `idf.py build` (not built in this repository's CI,
 * which has no ESP-IDF). */
#include <string.h>

#include "esp_event.h"
#include "esp_log.h"
#include "esp_netif.h"
#include "esp_netif_sntp.h"
#include "esp_wifi.h"
#include "freertos/FreeRTOS.h"
#include "freertos/event_groups.h"
#include "nvs.h"
#include "nvs_flash.h"

#include "eic/eic.h"
#include "eic_port_lwip.h"
#include "eic_port_tls.h"

static const char *TAG = "eic-example";

/* Amazon's root CA, embedded by main/CMakeLists.txt (EMBED_TXTFILES). */
extern const unsigned char aws_root_ca_start[] asm("_binary_aws_root_ca_pem_start");
extern const unsigned char aws_root_ca_end[] asm("_binary_aws_root_ca_pem_end");

/* Every buffer is static: eic itself never allocates. */
static uint8_t tx[EIC_PUT_TX_SIZE_MAX(0)];
static uint8_t rx[4096];
static eic_json_token tokens[EIC_JSON_TOKENS_CONFIG];
static eic_tls tls;
static eic_lwip_socket sock;
static char akid[EIC_ACCESS_KEY_ID_MAX + 1];
static char secret[EIC_SECRET_ACCESS_KEY_MAX + 1];

static EventGroupHandle_t net_events;
#define GOT_IP BIT0

static void on_event(void *arg, esp_event_base_t base, int32_t id, void *data)
{
    if (base == WIFI_EVENT && (id == WIFI_EVENT_STA_START || id == WIFI_EVENT_STA_DISCONNECTED)) {
        esp_wifi_connect();
    } else if (base == IP_EVENT && id == IP_EVENT_STA_GOT_IP) {
        xEventGroupSetBits(net_events, GOT_IP);
    }
}

static void wifi_up(void)
{
    net_events = xEventGroupCreate();
    ESP_ERROR_CHECK(esp_netif_init());
    ESP_ERROR_CHECK(esp_event_loop_create_default());
    esp_netif_create_default_wifi_sta();
    wifi_init_config_t init = WIFI_INIT_CONFIG_DEFAULT();
    ESP_ERROR_CHECK(esp_wifi_init(&init));
    ESP_ERROR_CHECK(esp_event_handler_instance_register(WIFI_EVENT, ESP_EVENT_ANY_ID, on_event,
                                                        NULL, NULL));
    ESP_ERROR_CHECK(esp_event_handler_instance_register(IP_EVENT, IP_EVENT_STA_GOT_IP, on_event,
                                                        NULL, NULL));
    wifi_config_t wifi = {0};
    strlcpy((char *)wifi.sta.ssid, CONFIG_EXAMPLE_WIFI_SSID, sizeof wifi.sta.ssid);
    strlcpy((char *)wifi.sta.password, CONFIG_EXAMPLE_WIFI_PASSWORD, sizeof wifi.sta.password);
    ESP_ERROR_CHECK(esp_wifi_set_mode(WIFI_MODE_STA));
    ESP_ERROR_CHECK(esp_wifi_set_config(WIFI_IF_STA, &wifi));
    ESP_ERROR_CHECK(esp_wifi_start());
    xEventGroupWaitBits(net_events, GOT_IP, pdFALSE, pdTRUE, portMAX_DELAY);
}

/* SigV4 needs the right time: a clock more than 5 minutes off is refused
 * (eic repairs a small skew from the server's Date, not a 1970 clock). */
static void clock_up(void)
{
    esp_sntp_config_t sntp = ESP_NETIF_SNTP_DEFAULT_CONFIG("pool.ntp.org");
    ESP_ERROR_CHECK(esp_netif_sntp_init(&sntp));
    if (esp_netif_sntp_sync_wait(pdMS_TO_TICKS(15000)) != ESP_OK) {
        ESP_LOGW(TAG, "SNTP did not answer; signing with the current clock");
    }
}

/* menuconfig values, else NVS namespace "eic" (keys "akid", "secret"). */
static esp_err_t load_credentials(void)
{
    strlcpy(akid, CONFIG_EXAMPLE_AWS_ACCESS_KEY_ID, sizeof akid);
    strlcpy(secret, CONFIG_EXAMPLE_AWS_SECRET_ACCESS_KEY, sizeof secret);
    if (akid[0] != '\0' && secret[0] != '\0') {
        return ESP_OK;
    }
    nvs_handle_t h;
    size_t n = sizeof akid;
    esp_err_t err = nvs_open("eic", NVS_READONLY, &h);
    if (err == ESP_OK) {
        err = nvs_get_str(h, "akid", akid, &n);
        n = sizeof secret;
        if (err == ESP_OK) {
            err = nvs_get_str(h, "secret", secret, &n);
        }
        nvs_close(h);
    }
    return err;
}

void app_main(void)
{
    esp_err_t err = nvs_flash_init();
    if (err == ESP_ERR_NVS_NO_FREE_PAGES || err == ESP_ERR_NVS_NEW_VERSION_FOUND) {
        ESP_ERROR_CHECK(nvs_flash_erase());
        err = nvs_flash_init();
    }
    ESP_ERROR_CHECK(err);
    wifi_up();
    clock_up();
    if (load_credentials() != ESP_OK) {
        ESP_LOGE(TAG, "no credentials in menuconfig or NVS");
        return;
    }

    eic_port tcp, tls_port;
    eic_port_lwip_init(&tcp, &sock);
    eic_tls_options tls_opts = {.ca_pem = aws_root_ca_start,
                                .ca_pem_len = (size_t)(aws_root_ca_end - aws_root_ca_start)};
    eic_status st = eic_port_tls_init(&tls_port, &tls, &tcp, &tls_opts);
    if (st != EIC_OK) {
        ESP_LOGE(TAG, "TLS: %s", eic_status_str(st));
        return;
    }

    eic_client client;
    eic_client_config cfg = {
        .region = CONFIG_EXAMPLE_AWS_REGION,
        .credentials = {.access_key_id = akid, .secret_access_key = secret},
        .tokens = tokens,
        .token_count = EIC_JSON_TOKENS_CONFIG,
        .port = &tls_port,
        .tx = {tx, sizeof tx},
        .rx = {rx, sizeof rx},
    };
    st = eic_client_init(&client, &cfg);
    if (st != EIC_OK) {
        ESP_LOGE(TAG, "client: %s", eic_status_str(st));
        return;
    }

    eic_put_request put = {
        .function_name = CONFIG_EXAMPLE_FUNCTION_NAME,
        .maximum_retry_attempts = EIC_SET(0),
        .maximum_event_age_in_seconds = EIC_SET(3600),
    };
    eic_event_invoke_config result;
    eic_error error;
    st = eic_put_function_event_invoke_config(&client, &put, &result, &error);
    if (st == EIC_OK) {
        ESP_LOGI(TAG, "Put done: %s retries=%d max age=%d s", result.function_arn,
                 (int)result.maximum_retry_attempts.value,
                 (int)result.maximum_event_age_in_seconds.value);
    } else if (st == EIC_ERR_SERVICE) {
        ESP_LOGE(TAG, "Put refused (%d %s): %s", error.http_status, error.code, error.message);
    } else {
        ESP_LOGE(TAG, "Put failed after %d attempts: %s", error.attempts, eic_status_str(st));
    }
    eic_client_deinit(&client);
    eic_port_tls_free(&tls);
}
