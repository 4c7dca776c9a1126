"""Scrapy settings: polite defaults for small municipal servers, plus vigicam's own VIGICAM_* keys."""

BOT_NAME = "vigicam"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

USER_AGENT = "vigicam/0.1 (+https://github.com/vigicam/vigicam; watches published video-surveillance figures)"
ROBOTSTXT_OBEY = True
# Only a robots.txt's first 500 KiB are read, as Google does: a 9.5 MB one cost a crawl 700 MB.
ROBOTSTXT_PARSER = "crawler.robots.CappedRobotParser"
VIGICAM_ROBOTSTXT_MAX_BYTES = 500 * 1024
# A host's robots.txt is asked again after this long (less if its Cache-Control max-age says so); 0: every crawl.
VIGICAM_ROBOTSTXT_KEEP_SECONDS = 86_400

# One request at a time per host, AutoThrottle adapts the delay to the server's latency.
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
# The global limit grows to one slot per host of the crawl's sources, at most this many (0: stay at
# CONCURRENT_REQUESTS); each host still gets one request at a time and its delay (crawler/host_scaling.py).
VIGICAM_MAX_CONCURRENT_REQUESTS = 64
# A host that times out this many times in one crawl is given up: its other pages are failed fetches with
# the reason, asked again at the next crawl, not each retried and waited for (0: never given up).
VIGICAM_HOST_TIMEOUTS = 3
# Names answered once per crawl process, not once per request: a national crawl has ~21,000 hosts.
DNSCACHE_ENABLED = True
DNSCACHE_SIZE = 50_000
# Answers given by the user, as curl's --resolve: ["www.chartres.fr:80:127.0.0.5"] (also VIGICAM_RESOLVE,
# space-separated): a simulated France on 127.0.0.0/8 reached by real host names (crawler/resolve_override.py).
VIGICAM_RESOLVE: list[str] = []

# Items processed at once per response: a page yields one item. Scrapy's default (100) starts 100
# asyncio tasks for every response, a fifth of the crawl's own CPU time on a fast local crawl.
CONCURRENT_ITEMS = 4

DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
REDIRECT_MAX_TIMES = 5
# Bounded bodies: a page over the limit is recorded as a failed fetch, never half-read.
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 0
# http and https only: neither a source nor a redirect may make vigicam read local files or other schemes.
DOWNLOAD_HANDLERS = {"file": None, "data": None, "ftp": None, "s3": None}

ITEM_PIPELINES = {
    "crawler.pipelines.StorePipeline": 500,
}
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.kept_robots.KeptRobotsTxtMiddleware": 100,  # SharedRobotsTxtMiddleware, robots.txt kept a day
    "crawler.middlewares.RetryAfterMiddleware": 560,  # sees 429/503 before RetryMiddleware (550) retries
    "crawler.host_timeouts.HostTimeoutsMiddleware": 570,  # sees timeouts before RetryMiddleware retries
    # a redirect to another registered page is not followed (fetched once, as its own source): before Redirect (600)
    "crawler.registered_redirects.RegisteredRedirectMiddleware": 620,
}
# Connections only to public addresses, a registered local source's own (http://127.0.0.1:8000/…) and
# these ranges ('10.0.0.0/8'): a redirect or a link to 169.254.169.254 or 10.0.0.1 is a failed fetch.
TWISTED_DNS_RESOLVER = "crawler.resolver.GuardedResolver"
VIGICAM_ALLOWED_NETWORKS: list[str] = []
VIGICAM_MAX_CRAWL_DELAY = 300.0  # seconds: the most a robots.txt or a Retry-After can make us wait
# Seconds: the most one host's Retry-After answers may cost a crawl in waits, whatever its number of pages
# (the scheduler kills a crawl after 30 minutes); past it, its other pages wait for the next crawl.
VIGICAM_MAX_WAIT_PER_HOST = 600.0
EXTENSIONS = {
    "crawler.extensions.ProgressExtension": 500,
}

LOG_LEVEL = "WARNING"
TELNETCONSOLE_ENABLED = False
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"

# vigicam's own settings; the CLI sets VIGICAM_DB from --db / VIGICAM_DB.
VIGICAM_DB = "vigicam.db"
VIGICAM_SOURCE_URLS: list[str] = []  # empty: every enabled source
VIGICAM_RUN_ID = 0  # the `runs` row of this crawl, set by the CLI
# Seconds another program may hold the database's write lock before the crawl stops (the pages read so far
# are recorded, the others stay due); meanwhile each page waits and tries again.
VIGICAM_DB_LOCKED_WAIT = 120.0
VIGICAM_BATCH = 0  # the `crawl_batches` row whose sources this crawl fetches (0: VIGICAM_SOURCE_URLS)
VIGICAM_PROGRESS = True  # a progress line on stderr, when it is a terminal
DEPTH_LIMIT = 2  # links followed from a source added with --follow
VIGICAM_FOLLOW_MAX_PAGES = 30  # pages found per followed source and crawl
VIGICAM_SITEMAPS_MAX = 5  # child sitemaps of a sitemap index read per followed source
# Seconds: a full (unconditional) fetch at least this often, whatever 304s say.
VIGICAM_UNCONDITIONAL_EVERY = 7 * 86_400
# Worker processes that parse pages and extract figures beside the downloader; None: one per core
# but the crawl's own, four at most; 0: in the crawl's process.
VIGICAM_READ_WORKERS = None
# Seconds of CPU one page's reading may take (parsing and extraction); past it the page is a failed fetch
# with the reason, backed off like any other failure, and the crawl goes on. 0: no bound.
VIGICAM_MAX_READ_SECONDS = 20.0
