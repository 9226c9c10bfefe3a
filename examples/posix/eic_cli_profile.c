/* Credentials and region for the eic tool (host example), resolved as the
 * AWS CLI (botocore) resolves them:
 *
 * - Profile: --profile P, else AWS_PROFILE, else "default". A profile named
 *   by either (even "default") must exist in one of the two files, else
 *   "The config profile (P) could not be found".
 * - Region: --region, AWS_REGION, AWS_DEFAULT_REGION, then the profile's
 *   `region` (the credentials file's value wins over the config file's, as
 *   botocore merges the two).
 * - Credentials: with --profile, the profile's only. Otherwise the
 *   environment when AWS_ACCESS_KEY_ID is set (AWS_SECRET_ACCESS_KEY then
 *   required; token from AWS_SECURITY_TOKEN or AWS_SESSION_TOKEN, botocore's
 *   order), else the profile's: the credentials file's section, else the
 *   config file's.
 * - Files: AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials (sections
 *   `[name]`), AWS_CONFIG_FILE or ~/.aws/config (`[default]`,
 *   `[profile name]`). INI as Python's configparser reads it: `#`/`;` lines
 *   are comments (no inline comments), `=` or `:` separates, spaces around
 *   both are dropped, key names are case-insensitive, indented lines continue
 *   a value.
 *
 * No message here ever includes a credential value. */
#define _POSIX_C_SOURCE 200809L

#include "eic_cli.h"

#include <stdlib.h>
#include <string.h>

/* One key = value of a section. */
typedef struct {
    char *key; /* lower-case */
    char *value;
} ini_entry;

/* A profile as one file has it. */
typedef struct {
    int found;
    ini_entry *entries;
    size_t count;
} ini_profile;

static const char *env(const char *name)
{
    const char *v = getenv(name);
    return v != NULL && v[0] != '\0' ? v : NULL;
}

static char *dup_or_null(const char *s)
{
    return s != NULL ? strdup(s) : NULL;
}

static void wipe_free(char *s)
{
    if (s != NULL) {
        volatile char *p = s;
        while (*p != '\0') {
            *p++ = '\0';
        }
        free(s);
    }
}

/* The file named by the variable, or ~/.aws/<name>; "~/" expanded. */
static char *file_path(const char *variable, const char *name)
{
    const char *path = env(variable);
    const char *home = getenv("HOME");
    char *out = NULL;
    if (path != NULL && strncmp(path, "~/", 2) != 0) {
        return strdup(path);
    }
    if (home == NULL) {
        return NULL;
    }
    size_t cap = strlen(home) + strlen(path != NULL ? path : name) + 16;
    out = malloc(cap);
    if (out != NULL) {
        if (path != NULL) {
            snprintf(out, cap, "%s/%s", home, path + 2);
        } else {
            snprintf(out, cap, "%s/.aws/%s", home, name);
        }
    }
    return out;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') {
        s++;
    }
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) {
        s[--n] = '\0';
    }
    return s;
}

/* Whether a section header names the profile. In the config file only
 * `default` and `profile NAME` (any spaces between) name profiles. */
static int header_names(const char *header, int config_file, const char *profile)
{
    if (!config_file || strcmp(header, "default") == 0) {
        return strcmp(header, profile) == 0;
    }
    if (strncmp(header, "profile", 7) != 0 || (header[7] != ' ' && header[7] != '\t')) {
        return 0;
    }
    const char *name = header + 7;
    name += strspn(name, " \t");
    size_t n = strcspn(name, " \t");
    return name[n + strspn(name + n, " \t")] == '\0' && n == strlen(profile) &&
           strncmp(name, profile, n) == 0;
}

static void set_entry(ini_profile *p, const char *key, const char *value)
{
    for (size_t i = 0; i < p->count; i++) {
        if (strcmp(p->entries[i].key, key) == 0) {
            wipe_free(p->entries[i].value);
            p->entries[i].value = strdup(value);
            return;
        }
    }
    ini_entry *bigger = realloc(p->entries, (p->count + 1) * sizeof *bigger);
    if (bigger == NULL) {
        return;
    }
    p->entries = bigger;
    p->entries[p->count].key = strdup(key);
    p->entries[p->count].value = strdup(value);
    if (p->entries[p->count].key != NULL && p->entries[p->count].value != NULL) {
        p->count++;
    } else {
        free(p->entries[p->count].key);
        wipe_free(p->entries[p->count].value);
    }
}

/* Appends a continuation line to the last key's value. */
static void continue_entry(ini_profile *p, const char *key, const char *more)
{
    for (size_t i = 0; i < p->count; i++) {
        if (strcmp(p->entries[i].key, key) == 0) {
            size_t n = strlen(p->entries[i].value), m = strlen(more);
            char *v = malloc(n + m + 2);
            if (v != NULL) {
                memcpy(v, p->entries[i].value, n);
                v[n] = '\n';
                memcpy(v + n + 1, more, m + 1);
                wipe_free(p->entries[i].value);
                p->entries[i].value = v;
            }
            return;
        }
    }
}

/* Reads the named profile's section(s) of one INI file; a missing or
 * unreadable file simply has no profiles. */
static void read_profile(const char *path, int config_file, const char *profile, ini_profile *out)
{
    FILE *f = path != NULL ? fopen(path, "r") : NULL;
    char *line = NULL, key[256] = "";
    size_t cap = 0;
    int in_profile = 0;
    size_t key_indent = 0;
    memset(out, 0, sizeof *out);
    if (f == NULL) {
        return;
    }
    while (getline(&line, &cap, f) >= 0) {
        line[strcspn(line, "\n")] = '\0';
        size_t indent = strspn(line, " \t");
        char *text = trim(line);
        if (*text == '\0' || *text == '#' || *text == ';') {
            continue;
        }
        if (in_profile && key[0] != '\0' && indent > key_indent) {
            continue_entry(out, key, text);
            continue;
        }
        char *end = strrchr(text, ']');
        if (*text == '[' && end != NULL) {
            *end = '\0';
            in_profile = header_names(text + 1, config_file, profile);
            out->found |= in_profile;
            key[0] = '\0';
            continue;
        }
        size_t sep = strcspn(text, "=:");
        if (!in_profile || text[sep] == '\0') {
            key[0] = '\0';
            continue;
        }
        text[sep] = '\0';
        char *k = trim(text), *v = trim(text + sep + 1);
        snprintf(key, sizeof key, "%s", k);
        for (char *c = key; *c != '\0'; c++) {
            *c = (*c >= 'A' && *c <= 'Z') ? (char)(*c - 'A' + 'a') : *c;
        }
        key_indent = indent;
        set_entry(out, key, v);
    }
    wipe_free(line);
    fclose(f);
}

static void free_profile(ini_profile *p)
{
    for (size_t i = 0; i < p->count; i++) {
        free(p->entries[i].key);
        wipe_free(p->entries[i].value);
    }
    free(p->entries);
    memset(p, 0, sizeof *p);
}

static const char *lookup(const ini_profile *p, const char *key)
{
    for (size_t i = 0; i < p->count; i++) {
        if (strcmp(p->entries[i].key, key) == 0 && p->entries[i].value[0] != '\0') {
            return p->entries[i].value;
        }
    }
    return NULL;
}

/* Credentials from one file's profile: 1 found, 0 none, or an exit status
 * after "Partial credentials found in <source>" (a missing credential: 253,
 * where the AWS CLI says 255). */
static int profile_credentials(const ini_profile *p, const char *source, eic_cli_settings *out)
{
    const char *id = lookup(p, "aws_access_key_id");
    const char *secret = lookup(p, "aws_secret_access_key");
    const char *token = lookup(p, "aws_security_token");
    if (id == NULL) {
        return 0;
    }
    if (secret == NULL) {
        fprintf(stderr, "\nPartial credentials found in %s, missing: aws_secret_access_key\n",
                source);
        return EIC_CLI_EXIT_CONFIG;
    }
    out->access_key_id = strdup(id);
    out->secret_access_key = strdup(secret);
    out->session_token = dup_or_null(token != NULL ? token : lookup(p, "aws_session_token"));
    return 1;
}

static int env_credentials(eic_cli_settings *out)
{
    const char *id = env("AWS_ACCESS_KEY_ID");
    const char *secret = env("AWS_SECRET_ACCESS_KEY");
    const char *token = env("AWS_SECURITY_TOKEN");
    if (id == NULL) {
        return 0;
    }
    if (secret == NULL) {
        fputs("\nPartial credentials found in env, missing: AWS_SECRET_ACCESS_KEY\n", stderr);
        return EIC_CLI_EXIT_CONFIG;
    }
    out->access_key_id = strdup(id);
    out->secret_access_key = strdup(secret);
    out->session_token = dup_or_null(token != NULL ? token : env("AWS_SESSION_TOKEN"));
    return 1;
}

/* botocore's check: a host label, not all digits. */
static int region_format_ok(const char *r)
{
    size_t n = strlen(r);
    return n <= 63 &&
           strspn(r, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == n &&
           strspn(r, "0123456789") != n && r[0] != '-' && r[n - 1] != '-';
}

/* In the AWS CLI's order: a missing profile, partial credentials, then the
 * region. Missing credentials are not an error yet: the AWS CLI validates the
 * parameters first, so the caller does too. */
static int resolve(const eic_cli_args *args, const ini_profile *cred, const ini_profile *conf,
                   const char *profile, int explicit_profile, eic_cli_settings *out)
{
    if (explicit_profile && !cred->found && !conf->found) {
        fprintf(stderr, "\nThe config profile (%s) could not be found\n", profile);
        return EIC_CLI_EXIT_OTHER;
    }
    int found = args->profile == NULL ? env_credentials(out) : 0;
    if (found == 0) {
        found = profile_credentials(cred, "shared-credentials-file", out);
    }
    if (found == 0) {
        found = profile_credentials(conf, "config-file", out);
    }
    if (found > 1) {
        return found;
    }
    const char *region = args->region != NULL && args->region[0] != '\0' ? args->region : NULL;
    region = region != NULL ? region : env("AWS_REGION");
    region = region != NULL ? region : env("AWS_DEFAULT_REGION");
    region = region != NULL ? region : lookup(cred, "region");
    region = region != NULL ? region : lookup(conf, "region");
    if (region == NULL) {
        fputs("You must specify a region. You can also configure your region by running "
              "\"aws configure\".\n",
              stderr);
        return EIC_CLI_EXIT_CONFIG;
    }
    if (!region_format_ok(region)) {
        /* An invalid argument when given as one, else a configuration problem. */
        fputs("\nProvided region_name '", stderr);
        eic_cli_print_text(stderr, region);
        fputs("' doesn't match a supported format.\n", stderr);
        return region == args->region ? EIC_CLI_EXIT_USAGE : EIC_CLI_EXIT_CONFIG;
    }
    out->region = strdup(region);
    if (out->region == NULL ||
        (found == 1 && (out->access_key_id == NULL || out->secret_access_key == NULL))) {
        return eic_cli_fail("out of memory");
    }
    return EIC_CLI_EXIT_OK;
}

int eic_cli_resolve_settings(const eic_cli_args *args, eic_cli_settings *out)
{
    const char *profile = args->profile != NULL ? args->profile : env("AWS_PROFILE");
    int explicit_profile = profile != NULL;
    ini_profile cred, conf;
    char *cred_path = file_path("AWS_SHARED_CREDENTIALS_FILE", "credentials");
    char *conf_path = file_path("AWS_CONFIG_FILE", "config");
    memset(out, 0, sizeof *out);
    profile = explicit_profile ? profile : "default";
    read_profile(cred_path, 0, profile, &cred);
    read_profile(conf_path, 1, profile, &conf);
    int rc = resolve(args, &cred, &conf, profile, explicit_profile, out);
    free_profile(&cred);
    free_profile(&conf);
    free(cred_path);
    free(conf_path);
    if (rc != EIC_CLI_EXIT_OK) {
        eic_cli_settings_free(out);
    }
    return rc;
}

void eic_cli_settings_free(eic_cli_settings *s)
{
    free(s->region);
    free(s->access_key_id);
    wipe_free(s->secret_access_key);
    wipe_free(s->session_token);
    memset(s, 0, sizeof *s);
}
