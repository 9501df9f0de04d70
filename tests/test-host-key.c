/* test-host-key.c - the keys that source: and site: match (host_key.h):
 * a URL's host, without its scheme, user@, port, path or "www.", and a
 * site's name. */
#include "host_key.h"

#include <string.h>

#include "buf.h"
#include "check.h"

static void check_host(const char *url, const char *want)
{
    hs_buf b = HS_BUF_INIT;
    CHECK_INT(hs_host_key(url, strlen(url), &b), 0);
    CHECK_STR(hs_buf_str(&b), want);
    hs_buf_free(&b);
}

static void check_site(const char *site, const char *want)
{
    hs_buf b = HS_BUF_INIT;
    CHECK_INT(hs_site_key(site, strlen(site), &b), 0);
    CHECK_STR(hs_buf_str(&b), want);
    hs_buf_free(&b);
}

static void test_hosts(void)
{
    check_host("https://www.BBC.co.uk/news/uk-politics", "bbc.co.uk");
    check_host("bbc.co.uk", "bbc.co.uk");
    check_host("http://news.bbc.co.uk:8080/x?y#z", "news.bbc.co.uk");
    check_host("https://example.org?q=1", "example.org");
    check_host("https://example.org#top", "example.org");
    check_host("https://www./", "www.");   /* "www." alone is kept */
    check_host("https://", "");
    check_host("", "");
    check_host("https://ТАСС.рф/politika", "тасс.рф");
}

/* A user@ (or user:password@) part is not part of the host. */
static void test_user(void)
{
    check_host("https://user@host.example/", "host.example");
    check_host("https://user@www.Host.example/a@b", "host.example");
    check_host("https://user:secret@host.example:443/", "host.example");
    check_host("user@host.example", "host.example");
    check_host("https://a@b@host.example/", "host.example");
    check_host("https://host.example/@someone", "host.example");
}

/* The length bounds the URL: a query's value is not NUL-terminated. */
static void test_length(void)
{
    const char *q = "https://www.bbc.co.uk/news more words";
    hs_buf b = HS_BUF_INIT;
    CHECK_INT(hs_host_key(q, strlen("https://www.bbc.co.uk"), &b), 0);
    CHECK_STR(hs_buf_str(&b), "bbc.co.uk");
    hs_buf_reset(&b);
    CHECK_INT(hs_host_key("https://x.org", 5, &b), 0); /* "https": no "://" */
    CHECK_STR(hs_buf_str(&b), "https");
    hs_buf_free(&b);
}

static void test_sites(void)
{
    check_site("BBC News", "bbc news");
    check_site("  The\tGuardian \n", "the guardian");
    check_site("", "");
    hs_buf b = HS_BUF_INIT;
    CHECK_INT(hs_site_key("Al Jazeera English", 10, &b), 0);
    CHECK_STR(hs_buf_str(&b), "al jazeera");
    hs_buf_free(&b);
}

int main(void)
{
    test_hosts();
    test_user();
    test_length();
    test_sites();
    return check_done();
}
