package broadsheet.paywall;

import broadsheet.accounts.User;
import broadsheet.web.Cookies;
import broadsheet.web.PageCache;
import broadsheet.web.Params;
import broadsheet.web.Role;
import broadsheet.web.Sessions;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, for one request for an article, which variant of its page the reader gets. Pages are
 * rendered and cached per {@link Level}, never per reader: the decision (level, subscription,
 * meter, gift link) is made here, before the cache, and only its outcome, the level shown, picks
 * the cached variant. A reader granted a read by the meter or a gift gets the subscribers' variant.
 */
public final class Paywall {

    /** Shared caches and CDNs may keep only pages that are the same for every reader. */
    public static final String PRIVATE = "private, no-cache";

    /**
     * What an article's page shows to this request, decided on the article's access level as of its
     * {@code version} (what this node last read of it).
     */
    public record Decision(Access access, Level shown, int version) {
        /** Whether the article's text past its first paragraph is left out. */
        public boolean locked() {
            return !shown.atLeast(access.needs());
        }

        /**
         * The page cache's variant: which level's page this is, of which version of the article at which
         * access level, so a page is only ever served for the very state it was decided and rendered on.
         */
        public String variant() {
            return shown.key() + "@" + version + "." + access.name();
        }

        /** Whether an article read as at this version and level is the one this decision was made on. */
        public boolean decidedOn(int articleVersion, Access articleAccess) {
            return version == articleVersion && access == articleAccess;
        }

        public String cacheControl() {
            return access == Access.FREE ? PageCache.CACHE_CONTROL : PRIVATE;
        }

        public String vary() {
            return access == Access.FREE ? "Accept-Encoding" : "Accept-Encoding, Cookie";
        }
    }

    /** A gift link that no longer (or never did) open the article. */
    public static final class GiftRefused extends RuntimeException {
        public final long articleId;
        public final boolean expired;

        GiftRefused(long articleId, boolean expired) {
            super(expired ? "gift link expired" : "unknown gift link");
            this.articleId = articleId;
            this.expired = expired;
        }
    }

    /** The paywall's settings: free subscriber articles per 30 days (0: no meter), gift links per subscriber per month. */
    public record Settings(int meter, int giftsPerMonth) {
        public static final int MAX_METER = 50;
        public static final int MAX_GIFTS = 100;
    }

    /** The settings table's keys. */
    static final String METER = "paywall_meter";

    static final String GIFTS = "paywall_gifts_per_month";

    private record Known(long id, Access access, int version) {}

    private static final Known UNKNOWN = new Known(0, Access.FREE, 0);

    private final broadsheet.db.Settings store;
    private final PaywallDao dao;
    private final Sessions sessions;
    private final Meter meter;
    private final Crawlers crawlers;
    private final GiftLinks gifts;
    private final String baseUrl;
    private final Cache<String, Known> bySlug =
            Caffeine.newBuilder().maximumSize(200_000).build();
    private volatile Settings settings;

    public Paywall(
            broadsheet.db.Settings store,
            PaywallDao dao,
            Meter meter,
            GiftLinks gifts,
            Sessions sessions,
            String baseUrl) {
        this.store = store;
        this.dao = dao;
        this.sessions = sessions;
        this.meter = meter;
        this.crawlers = new Crawlers(Crawlers.system());
        this.gifts = gifts;
        this.baseUrl = baseUrl;
        reload();
    }

    /** Re-reads the settings and forgets articles' access levels (after any content change). */
    public void reload() {
        Map<String, String> s = store.startingWith("paywall_");
        settings =
                new Settings(number(s.get(METER), 3, Settings.MAX_METER), number(s.get(GIFTS), 10, Settings.MAX_GIFTS));
        bySlug.invalidateAll();
    }

    /** Forgets what this node knew of an article's access level (seen to have changed), so the next request reads it. */
    public void forget(String slug) {
        bySlug.invalidate(slug);
    }

    /**
     * Forgets what it knew of this article (under any slug it had) and of every address that named no
     * article: this article may now be published under one of them.
     */
    public void forgetArticle(long id) {
        bySlug.asMap().values().removeIf(k -> k.id() == id || k.id() == UNKNOWN.id());
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Stores new settings, with an audit entry when they changed, and tells every node to drop its
     * cached pages (locked pages name the meter); then uses them here at once.
     */
    public void save(User user, int meter, int giftsPerMonth) {
        dao.saveSettings(user, settings, new Settings(meter, giftsPerMonth));
        reload();
    }

    public Meter meter() {
        return meter;
    }

    public GiftLinks gifts() {
        return gifts;
    }

    /**
     * The variant of the article with this slug for this request. Records a metered read (in the
     * database, or in the meter cookie it sets on the response). Throws {@link GiftRefused} when
     * the request carries a gift token that does not open the article.
     */
    public Decision decide(Context ctx, String slug) {
        Known a = bySlug.get(
                slug,
                s -> dao.publishedBySlug(s)
                        .map(g -> new Known(g.id(), g.access(), g.version()))
                        .orElse(UNKNOWN));
        if (a.access() == Access.FREE) return new Decision(Access.FREE, Level.ANONYMOUS, a.version());
        Reader reader = reader(ctx);
        Level needed = a.access().needs();
        if (reader.level().atLeast(needed)) return new Decision(a.access(), needed, a.version());
        String gift = ctx.queryParam("gift");
        if (gift != null) {
            switch (gifts.check(gift, a.id())) {
                case VALID -> {
                    return new Decision(a.access(), needed, a.version());
                }
                case EXPIRED -> throw new GiftRefused(a.id(), true);
                case UNKNOWN -> throw new GiftRefused(a.id(), false);
            }
        }
        // HEAD asks what a GET would get; it must not use up a read
        if (a.access() == Access.SUBSCRIBERS && ctx.method() != HandlerType.HEAD && metered(ctx, reader, a.id())) {
            return new Decision(a.access(), needed, a.version());
        }
        return new Decision(a.access(), reader.level(), a.version());
    }

    /**
     * The variant of a page for an audience other than an article's (the issues of a subscribers-only
     * newsletter): the same rule, by the reader's level (staff read as subscribers), without the meter or
     * gift links, which count articles.
     */
    public Decision decide(Context ctx, Access access) {
        // version 0: an issue, once sent, does not change, so its pages need no version in their key
        if (access == Access.FREE) return new Decision(Access.FREE, Level.ANONYMOUS, 0);
        Level level = reader(ctx).level();
        Level needed = access.needs();
        return new Decision(access, level.atLeast(needed) ? needed : level, 0);
    }

    private boolean metered(Context ctx, Reader reader, long articleId) {
        int allowance = settings.meter();
        if (reader.user().isPresent())
            return meter.readSignedIn(reader.user().get().id(), articleId, allowance);
        String had = ctx.cookie(MeterCookie.NAME);
        if (had == null && crawlers.verified(ctx.ip(), ctx.userAgent())) return true; // as Google's guidance asks
        Meter.Anonymous m = meter.readAnonymous(had, articleId, allowance, Instant.now());
        // a meter started without a cookie counts against its network's starts today: a client that never
        // returns the cookie would otherwise start a fresh meter, and read in full, with every request
        if (m.granted() && had == null && !meter.startFromNetwork(ctx.ip())) return false;
        if (m.cookie() != null)
            Cookies.set(ctx, MeterCookie.NAME, m.cookie(), Meter.WINDOW, Cookies.secure(ctx, baseUrl));
        return m.granted();
    }

    /** The level a signed-in reader reads at, as on the site (staff read as subscribers); for apps and the Content API. */
    public Level level(User user) {
        if (user.atLeast(Role.CONTRIBUTOR)) return Level.SUBSCRIBER;
        return dao.isSubscriber(user.id()) ? Level.SUBSCRIBER : Level.REGISTERED;
    }

    /** Who is asking: nobody (no session cookie costs no query), a reader, a subscriber, or staff (who read everything). */
    record Reader(Level level, Optional<User> user) {}

    Reader reader(Context ctx) {
        if (ctx.cookie(Sessions.COOKIE) == null && Sessions.bearer(ctx) == null)
            return new Reader(Level.ANONYMOUS, Optional.empty());
        Optional<User> user = sessions.current(ctx);
        if (user.isEmpty()) return new Reader(Level.ANONYMOUS, user);
        if (user.get().atLeast(Role.CONTRIBUTOR)) return new Reader(Level.SUBSCRIBER, user);
        boolean subscriber = dao.isSubscriber(user.get().id());
        return new Reader(subscriber ? Level.SUBSCRIBER : Level.REGISTERED, user);
    }

    private static int number(String s, int fallback, int max) {
        return Params.typedInt(s).filter(v -> v >= 0 && v <= max).orElse(fallback);
    }
}
