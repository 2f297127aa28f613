package broadsheet.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Static files from the classpath folder {@code assets/}, served under names that carry a
 * hash of their content ({@code /assets/site.3f2a9c1b.css}) so browsers may keep them forever.
 */
public final class Assets {

    private static final List<String> FILES = List.of(
            "site.css",
            "newsroom.css",
            "article.js",
            "favicon.svg",
            "newsroom-editor.js",
            "newsroom-topics.js",
            "newsroom-gallery.js",
            "newsroom-fronts.js",
            "following.js",
            "comments.js",
            "reads.js",
            "search.js",
            "masthead.js");
    private static final String FOREVER = "public, max-age=31536000, immutable";

    private final Map<String, String> urlByName = new HashMap<>();
    private final Map<String, PageCache.Page> pageByUrl = new HashMap<>();

    public Assets() {
        this(java.util.Optional.empty());
    }

    /** @param theme a theme folder: its {@code theme.css}, if any, is served as the asset "theme.css" */
    public Assets(java.util.Optional<java.nio.file.Path> theme) {
        for (String name : FILES) add(name, read(name));
        theme.map(t -> t.resolve("theme.css"))
                .filter(java.nio.file.Files::isRegularFile)
                .ifPresent(css -> {
                    try {
                        add("theme.css", java.nio.file.Files.readAllBytes(css));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private void add(String name, byte[] bytes) {
        {
            int dot = name.lastIndexOf('.');
            String url = Paths.asset(
                    name.substring(0, dot) + "." + PageCache.hash(bytes).substring(0, 10) + name.substring(dot));
            urlByName.put(name, url);
            pageByUrl.put(url, PageCache.Page.of(bytes, type(name), java.time.Instant.EPOCH, ""));
        }
    }

    /** Whether there is an asset of this name ("theme.css" is there only with a theme that has one). */
    public boolean has(String name) {
        return urlByName.containsKey(name);
    }

    /** The fingerprinted URL of an asset, for templates. */
    public String url(String name) {
        String url = urlByName.get(name);
        if (url == null) throw new IllegalArgumentException("no asset " + name);
        return url;
    }

    public void serve(Context ctx) {
        PageCache.Page page = pageByUrl.get(ctx.path());
        if (page == null) throw new NotFoundResponse();
        PageCache.send(ctx, page, FOREVER);
    }

    private static String type(String name) {
        if (name.endsWith(".css")) return "text/css; charset=utf-8";
        if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (name.endsWith(".svg")) return "image/svg+xml";
        return "application/octet-stream";
    }

    private static byte[] read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream("/assets/" + name)) {
            if (in == null) throw new IllegalStateException("missing asset " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
