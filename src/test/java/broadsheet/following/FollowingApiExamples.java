package broadsheet.following;

import broadsheet.testing.ApiExampleContext;
import broadsheet.testing.ApiExamples;
import broadsheet.testing.WebClient;
import broadsheet.web.ApiPaths;
import broadsheet.web.Role;

/** Example calls of the Following API's operations, for OpenApiConformanceTest. */
public final class FollowingApiExamples implements ApiExamples {

    private static WebClient reader(ApiExampleContext c) {
        c.once("following:topic", () -> c.app().fixtures.topic("example-tides", "Example tides", "subject"));
        WebClient r = c.signedIn(Role.READER);
        r.get(ApiPaths.apiMe()); // the CSRF cookie
        return r;
    }

    private static String csrf(WebClient c) {
        return c.cookie("bs_csrf").orElseThrow();
    }

    @Override
    public void register(Registry r) {
        r.call("me", c -> c.send("GET", ApiPaths.apiMe(), null));
        r.call("me", c -> reader(c).get(ApiPaths.apiMe()));
        r.call("listFollows", c -> reader(c).get(ApiPaths.apiFollowing()));
        r.call("listFollows", c -> c.send("GET", ApiPaths.apiFollowing(), null));
        r.call("follow", c -> {
            WebClient w = reader(c);
            return w.json(
                    "POST",
                    ApiPaths.apiFollowing(),
                    "{\"kind\":\"topic\",\"slug\":\"example-tides\"}",
                    "X-CSRF-Token",
                    csrf(w));
        });
        r.call("follow", c -> {
            WebClient w = reader(c);
            return w.json(
                    "POST",
                    ApiPaths.apiFollowing(),
                    "{\"kind\":\"topic\",\"slug\":\"no-such\"}",
                    "X-CSRF-Token",
                    csrf(w));
        });
        r.call("follow", c -> {
            WebClient w = reader(c);
            return w.json("POST", ApiPaths.apiFollowing(), "[1,2]", "X-CSRF-Token", csrf(w));
        });
        r.call(
                "follow",
                c -> reader(c)
                        .json("POST", ApiPaths.apiFollowing(), "{\"kind\":\"topic\",\"slug\":\"example-tides\"}"));
        r.call("unfollow", c -> {
            WebClient w = reader(c);
            return w.json("DELETE", ApiPaths.apiFollowing("topic", "example-tides"), null, "X-CSRF-Token", csrf(w));
        });
        r.call("unfollow", c -> {
            WebClient w = reader(c);
            return w.json("DELETE", ApiPaths.apiFollowing("newsletter", "x"), null, "X-CSRF-Token", csrf(w));
        });
        r.call("suggestions", c -> reader(c).get(ApiPaths.apiSuggestions()));
        r.call("feed", c -> reader(c).get(ApiPaths.apiFeed()));
        r.call("feed", c -> reader(c).get(ApiPaths.apiFeed("garbage", null)));
    }
}
