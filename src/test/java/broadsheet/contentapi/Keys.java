package broadsheet.contentapi;

import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Role;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;

/** Makes Content API keys the way an admin does: on the newsroom's integrations page. */
public final class Keys {
    private Keys() {}

    /** An admin of this app (signed in once per address). */
    public static WebClient admin(TestApp app, String email) {
        return app.signedIn(email, Role.ADMIN);
    }

    /** A new key made by this admin; the page shows it once. */
    public static String make(WebClient admin, String name, boolean lockedText, int perMinute) {
        admin.get(NewsroomPaths.integrations());
        HttpResponse<String> r = admin.post(
                NewsroomPaths.integrations(),
                lockedText
                        ? Map.of("name", name, "perMinute", String.valueOf(perMinute), "lockedText", "on")
                        : Map.of("name", name, "perMinute", String.valueOf(perMinute)));
        if (r.statusCode() != 201) throw new IllegalStateException("no key made: " + r.statusCode() + "\n" + r.body());
        return Jsoup.parse(r.body()).selectFirst("#new-key").attr("value");
    }
}
