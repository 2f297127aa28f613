package broadsheet.contentapi;

import broadsheet.accounts.User;
import broadsheet.contentapi.ApiKeyDao.ApiKey;
import broadsheet.web.ProblemDetails.Problem;
import broadsheet.web.Tokens;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Integration keys: made (the key shown once, its hash kept), revoked, and checked on every Content API
 * request with that key's rate limit. A key is sent as {@code ?key=} (as Ghost's Content API does) or in
 * the {@code X-Api-Key} header. The limit holds for the key across every node together: {@link RateCounter}
 * counts in this node and adds the counts to PostgreSQL's one-minute windows (the database's clock).
 */
public final class ApiKeys implements AutoCloseable {

    /** What the newsroom shows once: the key itself. */
    public record Made(long id, String key) {}

    static final String PREFIX = "bs_content_";
    /** How long a node trusts what it read of a key (a revoked key stops on other nodes within this). */
    static final Duration KNOWN_FOR = Duration.ofSeconds(5);

    private final ApiKeyDao dao;
    private final Cache<String, Optional<ApiKey>> known = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(KNOWN_FOR)
            .build();
    private final Cache<Long, Boolean> noted =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).build();

    private final RateCounter counter;

    public ApiKeys(ApiKeyDao dao) {
        this.dao = dao;
        this.counter = new RateCounter(dao::add, System::currentTimeMillis);
    }

    /** Starts adding this node's counts to PostgreSQL every second; close to stop (adding what is left). */
    public ApiKeys start() {
        counter.start();
        return this;
    }

    @Override
    public void close() {
        counter.close();
    }

    public Made create(User by, String name, boolean lockedText, int perMinute) {
        String key = PREFIX + Tokens.random();
        long id =
                dao.create(by, name, Tokens.sha256(key), key.substring(0, PREFIX.length() + 6), lockedText, perMinute);
        return new Made(id, key);
    }

    public boolean revoke(User by, long id) {
        boolean done = dao.revoke(by, id);
        known.invalidateAll();
        return done;
    }

    public java.util.List<ApiKey> all() {
        return dao.all();
    }

    /** The request's key, counted against its limit; a 401 without a valid key, a 429 past the limit. */
    public ApiKey check(Context ctx) {
        String key = ctx.queryParam("key");
        if (key == null || key.isBlank()) key = ctx.header("X-Api-Key");
        if (key == null || key.isBlank())
            throw new Problem(
                    401,
                    "Send an integration key as ?key=... or in the X-Api-Key header; an admin makes one in the newsroom.",
                    Map.of("WWW-Authenticate", "ApiKey"));
        if (key.length() > 200) throw new Problem(401, "That is not a valid integration key.");
        String hash = Tokens.sha256(key.strip());
        ApiKey found = known.get(hash, dao::active)
                .orElseThrow(() -> new Problem(401, "That integration key is unknown or has been revoked."));
        RateCounter.Verdict counted = counter.count(found.id(), found.perMinute());
        if (!counted.admitted()) {
            long retry = counted.retryAfter();
            throw new Problem(
                    429,
                    "This key may make " + found.perMinute() + " requests a minute; try again in " + retry + " s.",
                    Map.of("Retry-After", String.valueOf(retry)));
        }
        if (noted.asMap().putIfAbsent(found.id(), Boolean.TRUE) == null) dao.used(found.id());
        return found;
    }
}
