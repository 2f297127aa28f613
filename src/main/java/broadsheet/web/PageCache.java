package broadsheet.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Anonymous pages are the same bytes for every reader, so they are rendered once, kept with
 * their gzip form and validators, and served with CDN-friendly headers until content changes.
 */
public final class PageCache {

    /**
     * A rendered response, ready to send. Its gzip form is made on the first request that asks for
     * it and kept, so a page rendered afresh for a client that does not take gzip costs no compression.
     */
    public static final class Page {
        private final byte[] body;
        private final String etag;
        private final String lastModified;
        private final String contentType;
        private final String surrogateKeys;
        // the same keys as a set, made once: a drop asks every cached page, on every change
        private final java.util.Set<String> keys;
        private final Instant expires;
        private volatile byte[] gzipped;
        // its headers as the front door sends them, encoded once on the first hit (see FrontDoor.Encoded)
        volatile FrontDoor.Encoded encoded;

        private Page(
                byte[] body,
                String etag,
                String lastModified,
                String contentType,
                String surrogateKeys,
                Instant expires) {
            this.body = body;
            this.etag = etag;
            this.lastModified = lastModified;
            this.contentType = contentType;
            this.surrogateKeys = surrogateKeys;
            this.keys = surrogateKeys == null || surrogateKeys.isBlank()
                    ? java.util.Set.of()
                    : java.util.Set.copyOf(java.util.Arrays.asList(
                            surrogateKeys.trim().split("\\s+"))); // copyOf: a key named twice is fine
            this.expires = expires;
        }

        /**
         * The same page, stale from this instant on (null: only a content change makes it stale), for a
         * page that shows something with an end, such as a breaking-news banner: the cache renders it
         * afresh on the first request after, and browsers and CDNs are told to keep it no longer.
         */
        public Page expiringAt(Instant at) {
            return new Page(body, etag, lastModified, contentType, surrogateKeys, at);
        }

        public Instant expires() {
            return expires;
        }

        boolean expired(Instant now) {
            return expires != null && !now.isBefore(expires);
        }

        public static Page of(byte[] body, String contentType, Instant lastModified, String surrogateKeys) {
            Instant lm = (lastModified == null ? Instant.now() : lastModified).truncatedTo(ChronoUnit.SECONDS);
            return new Page(
                    body,
                    "W/\"" + tag(body) + "\"",
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(lm, ZoneOffset.UTC)),
                    contentType,
                    surrogateKeys,
                    null);
        }

        public static Page html(byte[] body, Instant lastModified, String surrogateKeys) {
            return of(body, "text/html; charset=utf-8", lastModified, surrogateKeys);
        }

        public byte[] body() {
            return body;
        }

        public byte[] gzipped() {
            byte[] g = gzipped;
            if (g == null) gzipped = g = gzip(body); // two threads may both compress once; same bytes either way
            return g;
        }

        public String etag() {
            return etag;
        }

        public String lastModified() {
            return lastModified;
        }

        public String contentType() {
            return contentType;
        }

        public String surrogateKeys() {
            return surrogateKeys;
        }
    }

    public static final String CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=60";

    /**
     * Thrown by a render whose page must reach this request alone: it is sent with these headers and
     * never stored (a page rendered from a newer state of the content than the one its key was decided on).
     */
    public static final class NotToKeep extends RuntimeException {
        private final transient Page page;
        private final String cacheControl;
        private final String vary;

        public NotToKeep(Page page, String cacheControl, String vary) {
            super(null, null, false, false);
            this.page = page;
            this.cacheControl = cacheControl;
            this.vary = vary;
        }
    }

    private final Cache<String, Page> pages;
    private final boolean enabled;
    private final DoorBook doors = new DoorBook();
    private final java.util.concurrent.atomic.AtomicLong doorHits = new java.util.concurrent.atomic.AtomicLong();

    /** A page ready for a request without cookies, with everything to send around it; null to route the request. */
    public record Hit(
            Page page,
            List<org.eclipse.jetty.http.HttpField> headers,
            String cacheControl,
            org.eclipse.jetty.http.HttpField vary) {}
    // Part of every key, moved on by clear(): a page whose render began before a clear is stored under the
    // old generation, where no request looks, instead of outliving the change it missed.
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private final Supplier<String> day;
    // moved on by drop(): a page whose render overlapped a drop is not kept (see cached)
    private final java.util.concurrent.atomic.AtomicLong drops = new java.util.concurrent.atomic.AtomicLong();

    private final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder misses = new java.util.concurrent.atomic.LongAdder();

    private final List<KeptReads<?, ?>> kept = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Reads for pages to render from, dropped with this cache's pages (see {@link KeptReads}); on or off. */
    public <K, V> KeptReads<K, V> keptReads(long maximumSize) {
        KeptReads<K, V> k = new KeptReads<>(maximumSize);
        kept.add(k);
        return k;
    }

    /** Pages served from the cache so far (for /metrics). */
    public long hits() {
        return hits.sum();
    }

    /** Pages rendered because the cache did not hold them (for /metrics). */
    public long misses() {
        return misses.sum();
    }

    /**
     * @param day today in the paper's time zone ("2026-12-06"): part of every key, because the
     *     masthead prints the date, so a page rendered yesterday is never served today
     */
    public PageCache(boolean enabled, Supplier<String> day) {
        this.day = day;
        this.enabled = enabled;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(capacity(Runtime.getRuntime().maxMemory()))
                .weigher((String k, Page p) -> p.body().length * 2 + 256) // room for its gzip form, which is smaller
                .build();
    }

    /**
     * Bytes of pages kept: a quarter of the heap, at most 256 MB, so the cache fits the small heap
     * {@code serve} is meant to run with (31 MB of a 128 MB heap: some 1,100 article pages).
     */
    static long capacity(long maxHeap) {
        return Math.min(256L * 1024 * 1024, maxHeap / 4);
    }

    /** Serves the page for this request from the cache, rendering it on a miss. */
    public void serve(Context ctx, Supplier<Page> render) {
        String key = generation.get() + ":" + day.get() + key(ctx);
        Page page = enabled ? cached(key, render) : render.get();
        if (page.expired(Instant.now())) {
            // remove(key, page): only this stale copy goes, never a fresh one another request just rendered
            pages.asMap().remove(key, page);
            page = enabled ? cached(key, render) : render.get();
        }
        if (enabled) doors.remember(ctx, key(ctx), null, "Accept-Encoding");
        send(ctx, page, cacheControl(page, Instant.now()));
    }

    /**
     * The page under this key, rendered on a miss. A page rendered while {@link #drop} ran may show
     * what was dropped, so it is served to this one request but not kept.
     */
    private Page cached(String key, Supplier<Page> render) {
        long before = drops.get();
        boolean[] rendered = {false};
        Page page = pages.get(key, k -> {
            rendered[0] = true;
            return render.get();
        });
        if (rendered[0] && drops.get() != before) pages.asMap().remove(key, page);
        (rendered[0] ? misses : hits).increment();
        return page;
    }

    /** The usual lifetimes, cut short to the page's expiry when it has one. */
    static String cacheControl(Page page, Instant now) {
        if (page.expires() == null) return CACHE_CONTROL;
        long left = Math.max(0, java.time.Duration.between(now, page.expires()).toSeconds());
        return "public, max-age=" + Math.min(60, left) + ", s-maxage=" + Math.min(300, left)
                + (left >= 60 ? ", stale-while-revalidate=60" : "");
    }

    /**
     * Serves one variant of the page at this address (the paywall keeps one per reader level), each
     * cached under its own key, so a variant is only ever served to requests that asked for it.
     */
    public void serve(Context ctx, String variant, String cacheControl, String vary, Supplier<Page> render) {
        String key = generation.get() + ":" + day.get() + key(ctx) + "#" + variant;
        Page page;
        try {
            page = enabled ? cached(key, render) : render.get();
            if (page.expired(Instant.now())) {
                pages.asMap().remove(key, page);
                page = enabled ? cached(key, render) : render.get();
            }
        } catch (NotToKeep once) { // rendered from a state other than the one its key names: this request only
            send(ctx, once.page, once.cacheControl, once.vary);
            return;
        }
        // the usual lifetimes are cut short to the page's expiry, as for pages without variants
        String lifetime = cacheControl.equals(CACHE_CONTROL) ? cacheControl(page, Instant.now()) : cacheControl;
        if (enabled && cacheControl.startsWith("public"))
            doors.remember(ctx, key(ctx) + "#" + variant, cacheControl, vary);
        send(ctx, page, lifetime, vary);
    }

    /** Sends a page with validators, answering 304 when the client's copy is current. */
    public static void send(Context ctx, Page page, String cacheControl) {
        send(ctx, page, cacheControl, "Accept-Encoding");
    }

    public static void send(Context ctx, Page page, String cacheControl, String vary) {
        ctx.header("Cache-Control", cacheControl);
        ctx.header("ETag", page.etag());
        ctx.header("Last-Modified", page.lastModified());
        ctx.header("Vary", vary);
        if (page.surrogateKeys() != null && !page.surrogateKeys().isEmpty())
            ctx.header("Surrogate-Key", page.surrogateKeys());
        if (notModified(page, ctx.header("If-None-Match"), ctx.header("If-Modified-Since"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(page.contentType());
        String ae = ctx.header("Accept-Encoding");
        byte[] body = page.body();
        if (ae != null && ae.contains("gzip")) {
            ctx.header("Content-Encoding", "gzip");
            body = page.gzipped();
        }
        write(ctx, body);
    }

    /** Whether the client's copy (by its If-None-Match, else its If-Modified-Since) is this page. */
    static boolean notModified(Page page, String ifNoneMatch, String ifModifiedSince) {
        return ifNoneMatch != null
                ? ifNoneMatch.contains(page.etag())
                        || ifNoneMatch.contains(page.etag().substring(2))
                : page.lastModified().equals(ifModifiedSince);
    }

    /**
     * Writes the whole body at once with its length known, so Jetty sends it in one go rather
     * than copying it through a stream in chunked encoding (what {@code ctx.result(bytes)} does).
     */
    static void write(Context ctx, byte[] body) {
        ctx.res().setContentLength(body.length);
        if ("HEAD".equals(ctx.req().getMethod())) return;
        try {
            ctx.res().getOutputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path plus the only query parameter public pages read, so tracking parameters don't split the cache. */
    static String key(Context ctx) {
        String before = ctx.queryParam("before");
        return before == null ? ctx.path() : ctx.path() + "?before=" + before;
    }

    public void clear() {
        kept.forEach(KeptReads::forget);
        generation.incrementAndGet();
        pages.invalidateAll();
        doors.clear();
    }

    /** The cached answer to a GET or HEAD without cookies for this raw path and query, or null. */
    public Hit hit(String rawPath, String rawQuery) {
        DoorBook.Door d = doors.find(rawPath, rawQuery);
        if (d == null) return null;
        Page page = pages.getIfPresent(generation.get() + ":" + day.get() + d.key());
        Instant now = Instant.now();
        if (page == null || page.expired(now)) return null;
        doorHits.incrementAndGet();
        hits.increment();
        return new Hit(
                page, d.headers(), d.cacheControl() == null ? cacheControl(page, now) : d.cacheControl(), d.vary());
    }

    /** How many requests {@link #hit} answered (for tests and operators). */
    public long doorHits() {
        return doorHits.get();
    }

    /**
     * Drops the cached pages that carry this surrogate key (as sent in their Surrogate-Key header), so
     * a content change that shows on some pages (an article, its comments) need not empty the whole
     * cache. Content changed: the kept reads are forgotten too.
     */
    public void drop(String surrogateKey) {
        kept.forEach(KeptReads::forget);
        dropPages(surrogateKey);
    }

    /** The same for a change no kept read holds (search's index, most read lists): kept reads stay. */
    public void dropPages(String surrogateKey) {
        drops.incrementAndGet();
        pages.asMap().values().removeIf(page -> page.keys.contains(surrogateKey));
    }

    public long size() {
        return pages.estimatedSize();
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    /**
     * A page's entity tag: its length and two different CRCs of its bytes (CRC-32C and CRC-32, each
     * computed by the processor's own instructions), 96 bits in all. The same bytes give the same tag on
     * every node; it only has to tell a changed page from the one a client holds, which SHA-256 did at
     * about a tenth of a rendered page's CPU time.
     */
    static String tag(byte[] body) {
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(body);
        java.util.zip.CRC32 d = new java.util.zip.CRC32();
        d.update(body);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12)
                .putInt(body.length)
                .putInt((int) c.getValue())
                .putInt((int) d.getValue());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** A short name for these bytes that changes when they do (asset and brand file names). */
    public static String hash(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
