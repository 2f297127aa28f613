package broadsheet.newsletters;

import broadsheet.accounts.User;
import broadsheet.web.Chrome;
import broadsheet.web.Csrf;
import broadsheet.web.Form;
import broadsheet.web.Layout;
import broadsheet.web.Meta;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import broadsheet.web.Personal;
import broadsheet.web.Sessions;
import broadsheet.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A reader's side of newsletters: signing up (the cached promo and newsletter pages send their
 * plain form here by GET, as a page cached for everyone cannot carry one reader's CSRF token; this
 * page then posts it), confirming, unsubscribing (one click, from a signed link, with no session),
 * and choosing newsletters on a preferences page.
 */
public final class SignupPages {

    /** @param reader the signed-in reader, or null */
    public record SignupPage(
            Layout layout, String csrf, Newsletter newsletter, User reader, boolean subscriber, Form form) {
        public String signInHref() {
            return Paths.signIn(Paths.newsletterSignUp(newsletter.slug()));
        }
    }

    public record MessagePage(
            Layout layout, String heading, String message, List<String> items, String linkText, String linkHref) {}

    public record UnsubscribePage(
            Layout layout,
            String csrf,
            String action,
            Newsletter newsletter,
            String email,
            boolean done,
            String preferencesHref) {}

    public record PreferencesPage(
            Layout layout,
            String csrf,
            String action,
            String email,
            boolean signedIn,
            List<Signups.Preference> preferences,
            String notice) {}

    private final Signups signups;
    private final NewsletterDao newsletters;
    private final Sessions sessions;
    private final Csrf csrf;
    private final Chrome chrome;
    private final Views views;

    public SignupPages(
            Signups signups, NewsletterDao newsletters, Sessions sessions, Csrf csrf, Chrome chrome, Views views) {
        this.signups = signups;
        this.newsletters = newsletters;
        this.sessions = sessions;
        this.csrf = csrf;
        this.chrome = chrome;
        this.views = views;
    }

    // --- signing up

    public void signUpForm(Context ctx) {
        Newsletter n = newsletter(ctx);
        User reader = sessions.current(ctx).orElse(null);
        Form form = Form.empty();
        String typed = ctx.queryParam("email");
        if (typed != null && !typed.isBlank()) {
            form.set("email", typed.strip());
            String problem = broadsheet.accounts.AccountService.emailProblem(Signups.normalize(typed));
            if (problem != null) {
                form.error("email", problem);
                ctx.status(422);
            }
        }
        signUpPage(ctx, n, reader, form);
    }

    public void signUp(Context ctx) {
        Newsletter n = newsletter(ctx);
        User reader = sessions.current(ctx).orElse(null);
        Form form = Form.of(ctx, List.of("email"));
        Signups.Result r = signups.signUp(n, form.raw("email"), reader);
        switch (r.outcome()) {
            case INVALID -> {
                ctx.status(422);
                signUpPage(ctx, n, reader, form.error("email", r.problem()));
            }
            case SUBSCRIBERS_ONLY -> signUpPage(ctx, n, reader, form);
            case JOINED ->
                message(
                        ctx,
                        "You are signed up",
                        "You will receive " + n.name() + " at " + r.email() + ".",
                        List.of(),
                        "Choose your newsletters",
                        Paths.accountNewsletters());
            case CHECK_EMAIL ->
                message(
                        ctx,
                        "Check your email",
                        "If " + r.email() + " is not on the list for " + n.name()
                                + " yet, we have sent it a link to confirm. Open it within 48 hours; nothing is sent until you do.",
                        List.of(),
                        n.name(),
                        n.path());
        }
    }

    private void signUpPage(Context ctx, Newsletter n, User reader, Form form) {
        Meta meta = Meta.page("Sign up: " + n.name(), n.description(), Paths.newsletterSignUp(n.slug()))
                .hidden();
        Personal.html(
                ctx,
                views.render(
                        "newsletters/sign-up.jte",
                        new SignupPage(
                                chrome.layout(meta), csrf.token(ctx), n, reader, signups.isSubscriber(reader), form)));
    }

    public void confirm(Context ctx) {
        Signups.Confirmation c = signups.confirm(ctx.pathParam("token"));
        switch (c.outcome()) {
            case CONFIRMED ->
                message(
                        ctx,
                        "Your sign-up is confirmed",
                        "From the next issue, " + c.email() + " will receive:",
                        c.newsletters(),
                        "Newsletters",
                        Paths.newsletters());
            case EXPIRED ->
                message(
                        ctx.status(HttpStatus.GONE),
                        "This confirmation link has expired",
                        "Confirmation links work for 48 hours. Sign up again and we will send you a new one.",
                        List.of(),
                        "Newsletters",
                        Paths.newsletters());
            case UNKNOWN ->
                message(
                        ctx.status(HttpStatus.NOT_FOUND),
                        "This confirmation link does not work",
                        "It may have been copied incompletely. Sign up again and we will send you a new one.",
                        List.of(),
                        "Newsletters",
                        Paths.newsletters());
        }
    }

    // --- unsubscribing: the signed link is the permission (no session, no CSRF token: RFC 8058)

    public void unsubscribeForm(Context ctx) {
        Optional<Signups.Listing> l = signups.listing(ctx.pathParam("token"));
        if (l.isEmpty()) {
            badLink(ctx);
            return;
        }
        unsubscribePage(ctx, l.get(), l.get().status() == SubscriberStatus.UNSUBSCRIBED);
    }

    public void unsubscribe(Context ctx) {
        Optional<Signups.Listing> l = signups.listing(ctx.pathParam("token"));
        if (l.isEmpty()) {
            badLink(ctx);
            return;
        }
        signups.unsubscribe(l.get().subscriberId());
        unsubscribePage(ctx, l.get(), true);
    }

    private void unsubscribePage(Context ctx, Signups.Listing l, boolean done) {
        Meta meta = Meta.page(
                        "Unsubscribe: " + l.newsletter().name(),
                        "Stop receiving " + l.newsletter().name(),
                        Paths.newsletters())
                .hidden();
        Personal.html(
                ctx,
                views.render(
                        "newsletters/unsubscribe.jte",
                        new UnsubscribePage(
                                chrome.layout(meta),
                                csrf.token(ctx),
                                ctx.path(),
                                l.newsletter(),
                                l.email(),
                                done,
                                Paths.newsletterPreferences(signups.links().preferencesToken(l.email())))));
    }

    private void badLink(Context ctx) {
        message(
                ctx.status(HttpStatus.NOT_FOUND),
                "This link does not work",
                "It may have been copied incompletely. Use the link in a recent newsletter, or sign in and choose your newsletters.",
                List.of(),
                "Choose your newsletters",
                Paths.accountNewsletters());
    }

    // --- preferences: signed in at /account/newsletters, or from the signed link in every message

    public void accountPreferences(Context ctx) {
        User reader = sessions.current(ctx).orElseThrow();
        preferencesPage(
                ctx, reader.email(), reader, Paths.accountNewsletters(), "saved".equals(ctx.queryParam("done")));
    }

    public void saveAccountPreferences(Context ctx) {
        User reader = sessions.current(ctx).orElseThrow();
        signups.setPreferences(reader.email(), reader, wanted(ctx));
        ctx.redirect(Paths.with(Paths.accountNewsletters(), "done", "saved"), HttpStatus.SEE_OTHER);
    }

    public void linkPreferences(Context ctx) {
        Optional<String> email = signups.links().emailOf(ctx.pathParam("token"));
        if (email.isEmpty()) {
            badLink(ctx);
            return;
        }
        User reader =
                sessions.current(ctx).filter(u -> u.email().equals(email.get())).orElse(null);
        preferencesPage(ctx, email.get(), reader, ctx.path(), "saved".equals(ctx.queryParam("done")));
    }

    public void saveLinkPreferences(Context ctx) {
        Optional<String> email = signups.links().emailOf(ctx.pathParam("token"));
        if (email.isEmpty()) {
            badLink(ctx);
            return;
        }
        User reader =
                sessions.current(ctx).filter(u -> u.email().equals(email.get())).orElse(null);
        signups.setPreferences(email.get(), reader, wanted(ctx));
        ctx.redirect(ctx.path() + "?done=saved", HttpStatus.SEE_OTHER);
    }

    private void preferencesPage(Context ctx, String email, User reader, String action, boolean saved) {
        Meta meta = Meta.page("Your newsletters", "Choose the newsletters you receive", Paths.accountNewsletters())
                .hidden();
        Personal.html(
                ctx,
                views.render(
                        "newsletters/preferences.jte",
                        new PreferencesPage(
                                chrome.layout(meta),
                                csrf.token(ctx),
                                action,
                                email,
                                reader != null,
                                signups.preferences(email, reader),
                                saved ? "Your choices have been saved." : null)));
    }

    private static Set<Long> wanted(Context ctx) {
        Set<Long> ids = new HashSet<>();
        for (String v : ctx.formParams("newsletter"))
            Params.typedLong(v).ifPresent(ids::add); // anything else is not one of ours: nothing to switch on
        return ids;
    }

    private Newsletter newsletter(Context ctx) {
        return newsletters.bySlug(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
    }

    private void message(
            Context ctx, String heading, String message, List<String> items, String linkText, String linkHref) {
        Meta meta = Meta.page(heading, heading, Paths.newsletters()).hidden();
        Personal.html(
                ctx,
                views.render(
                        "newsletters/message.jte",
                        new MessagePage(chrome.layout(meta), heading, message, items, linkText, linkHref)));
    }
}
