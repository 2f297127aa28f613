package broadsheet.accounts;

import broadsheet.subscriptions.ReaderSubscriptions;
import broadsheet.web.AccessCheck;
import broadsheet.web.Chrome;
import broadsheet.web.Csrf;
import broadsheet.web.Form;
import broadsheet.web.Json;
import broadsheet.web.Layout;
import broadsheet.web.Meta;
import broadsheet.web.Paths;
import broadsheet.web.Personal;
import broadsheet.web.Sessions;
import broadsheet.web.Views;
import io.javalin.http.Context;
import java.util.List;

/** Registering, signing in and out, recovering a password, and the reader's own account page. */
public final class AccountPages {

    public record FormPage(Layout layout, String csrf, Form form, String notice) {}

    public record MessagePage(Layout layout, String heading, String message, String linkText, String linkHref) {}

    public record AccountPage(
            Layout layout,
            String csrf,
            User user,
            Form passwordForm,
            Form emailForm,
            Form deleteForm,
            String notice,
            ReaderSubscriptions.Panel subscription) {}

    /** What signing in does before it sends the reader on (a Follow pressed while signed out, say). */
    @FunctionalInterface
    public interface AfterSignIn {
        /** Returns where to go: {@code next} itself, or another local address. */
        String complete(long userId, String next);
    }

    private final AccountService accounts;
    private final AfterSignIn afterSignIn;
    private final Sessions sessions;
    private final Csrf csrf;
    private final Chrome chrome;
    private final Views views;
    private final ReaderSubscriptions subscriptions;

    public AccountPages(
            AccountService accounts,
            Sessions sessions,
            Csrf csrf,
            Chrome chrome,
            Views views,
            AfterSignIn afterSignIn,
            ReaderSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.afterSignIn = afterSignIn;
        this.sessions = sessions;
        this.csrf = csrf;
        this.chrome = chrome;
        this.views = views;
    }

    // --- signing in and out

    /** Why the reader was sent to sign in, when the next address says ("Sign in to follow Trade policy."). */
    private String reason(String next) {
        if (next.startsWith(Paths.follow() + "?"))
            return "Sign in or create an account to follow this. You will come back to the page you were on.";
        if (next.startsWith(Paths.following()))
            return "Sign in or create an account to see your personal news feed in Following.";
        return null;
    }

    public void signInForm(Context ctx) {
        Form form = Form.empty().set("next", AccessCheck.safeNext(ctx.queryParam("next")));
        form(ctx, "accounts/sign-in.jte", "Sign in", Paths.signIn(), form, reason(form.raw("next")));
    }

    public void signIn(Context ctx) {
        Form form = Form.of(ctx, List.of("email", "password", "next"));
        var result = accounts.signIn(form.raw("email"), form.raw("password"), ctx.ip());
        switch (result.result()) {
            case OK -> {
                sessions.start(ctx, result.user().id());
                csrf.rotate(ctx);
                String next = afterSignIn.complete(result.user().id(), AccessCheck.safeNext(form.raw("next")));
                ctx.redirect(AccessCheck.safeNext(next), io.javalin.http.HttpStatus.SEE_OTHER);
            }
            case WRONG ->
                form(
                        ctx.status(422),
                        "accounts/sign-in.jte",
                        "Sign in",
                        Paths.signIn(),
                        form.error("email", "The email address or password is not right."),
                        null);
            case THROTTLED ->
                form(
                        ctx.status(429),
                        "accounts/sign-in.jte",
                        "Sign in",
                        Paths.signIn(),
                        form.error(
                                "email",
                                "Too many attempts to sign in. Wait 15 minutes and try again, or reset your password."),
                        null);
            case UNCONFIRMED ->
                message(
                        ctx,
                        "Confirm your email address first",
                        "We have sent a new confirmation link to "
                                + result.user().email() + ". Open it, then sign in.",
                        "Sign in",
                        signInPath(form.raw("next")));
        }
    }

    public void signOut(Context ctx) {
        sessions.end(ctx);
        csrf.rotate(ctx);
        ctx.redirect(Paths.home(), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    // --- registering

    public void registerForm(Context ctx) {
        Form form = Form.empty().set("next", AccessCheck.safeNext(ctx.queryParam("next")));
        form(ctx, "accounts/register.jte", "Create an account", Paths.register(), form, null);
    }

    /** The sign-in page, keeping where the reader was going. */
    private static String signInPath(String next) {
        String n = AccessCheck.safeNext(next);
        return n.equals(Paths.home()) ? Paths.signIn() : Paths.signIn(n);
    }

    public void register(Context ctx) {
        Form form = accounts.register(Form.of(ctx, List.of("email", "displayName", "password", "next")));
        if (form.hasErrors()) {
            form(ctx.status(422), "accounts/register.jte", "Create an account", Paths.register(), form, null);
            return;
        }
        message(
                ctx,
                "Check your email",
                "We have sent a link to " + form.value("email").strip().toLowerCase()
                        + ". Open it within 48 hours to confirm your address, then sign in.",
                "Sign in",
                signInPath(form.raw("next")));
    }

    public void confirm(Context ctx) {
        if (accounts.confirm(ctx.queryParam("token"))) {
            message(
                    ctx,
                    "Your email address is confirmed",
                    "Thank you. You can now sign in.",
                    "Sign in",
                    signInPath(ctx.queryParam("next")));
        } else {
            message(
                    ctx.status(400),
                    "This link does not work",
                    "It may have expired, been used already, or been copied incompletely. Sign in to get a new one.",
                    "Sign in",
                    Paths.signIn());
        }
    }

    // --- forgotten password

    public void forgotForm(Context ctx) {
        form(ctx, "accounts/forgot.jte", "Reset your password", Paths.forgotPassword(), Form.empty(), null);
    }

    public void forgot(Context ctx) {
        Form form = Form.of(ctx, List.of("email"));
        String problem = AccountService.emailProblem(form.raw("email").strip());
        if (problem != null) {
            form(
                    ctx.status(422),
                    "accounts/forgot.jte",
                    "Reset your password",
                    Paths.forgotPassword(),
                    form.error("email", problem),
                    null);
            return;
        }
        accounts.requestPasswordReset(form.raw("email"));
        message(
                ctx,
                "Check your email",
                "If " + form.raw("email").strip().toLowerCase()
                        + " has an account here, we have sent it a link to choose a new password. The link works for an hour.",
                "Sign in",
                Paths.signIn());
    }

    public void resetForm(Context ctx) {
        String token = ctx.queryParam("token");
        if (!accounts.resetLinkUsable(token)) {
            message(
                    ctx.status(400),
                    "This link does not work",
                    "Password reset links work once, for an hour. Ask for a new one.",
                    "Reset your password",
                    Paths.forgotPassword());
            return;
        }
        form(
                ctx,
                "accounts/reset.jte",
                "Choose a new password",
                Paths.resetPassword(),
                Form.empty().set("token", token),
                null);
    }

    public void reset(Context ctx) {
        Form form = Form.of(ctx, List.of("token", "password"));
        switch (accounts.resetPassword(form.raw("token"), form)) {
            case OK ->
                message(
                        ctx,
                        "Your password has been changed",
                        "You have been signed out everywhere. Sign in with your new password.",
                        "Sign in",
                        Paths.signIn());
            case INVALID ->
                form(ctx.status(422), "accounts/reset.jte", "Choose a new password", Paths.resetPassword(), form, null);
            case BAD_LINK ->
                message(
                        ctx.status(400),
                        "This link does not work",
                        "Password reset links work once, for an hour. Ask for a new one.",
                        "Reset your password",
                        Paths.forgotPassword());
        }
    }

    // --- the account page

    public void account(Context ctx) {
        accountPage(ctx, Form.empty(), Form.empty(), Form.empty(), ctx.queryParam("done"));
    }

    public void changePassword(Context ctx) {
        User user = sessions.current(ctx).orElseThrow();
        Form form = accounts.changePassword(user, Form.of(ctx, List.of("currentPassword", "newPassword")));
        if (form.hasErrors()) {
            accountPage(ctx.status(422), form, Form.empty(), Form.empty(), null);
            return;
        }
        sessions.endAll(user.id(), ctx);
        ctx.redirect(Paths.with(Paths.account(), "done", "password"), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    public void changeEmail(Context ctx) {
        User user = sessions.current(ctx).orElseThrow();
        Form form = accounts.requestEmailChange(user, Form.of(ctx, List.of("newEmail", "password")));
        if (form.hasErrors()) {
            accountPage(ctx.status(422), Form.empty(), form, Form.empty(), null);
            return;
        }
        ctx.redirect(Paths.with(Paths.account(), "done", "email"), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    public void confirmEmailChange(Context ctx) {
        java.util.Optional<Long> changed = accounts.confirmEmailChange(ctx.queryParam("token"));
        // as after a new password: whoever else was signed in to the account is signed out
        changed.ifPresent(userId -> sessions.endAll(userId, ctx));
        if (changed.isPresent()) {
            message(
                    ctx,
                    "Your email address has changed",
                    "Use your new address to sign in from now on.",
                    "Your account",
                    Paths.account());
        } else {
            message(
                    ctx.status(400),
                    "This link does not work",
                    "It may have expired or been used, or the address now belongs to another account.",
                    "Your account",
                    Paths.account());
        }
    }

    public void signOutEverywhere(Context ctx) {
        User user = sessions.current(ctx).orElseThrow();
        sessions.endAll(user.id(), null);
        sessions.end(ctx);
        message(
                ctx,
                "You have been signed out everywhere",
                "Every browser signed in to your account has been signed out.",
                "Sign in",
                Paths.signIn());
    }

    public void export(Context ctx) {
        User user = sessions.current(ctx).orElseThrow();
        ctx.header("Content-Disposition", "attachment; filename=\"my-data.json\"");
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType("application/json; charset=utf-8").result(Json.forScript(accounts.export(user)));
    }

    public void delete(Context ctx) {
        User user = sessions.current(ctx).orElseThrow();
        Form form = accounts.delete(user, Form.of(ctx, List.of("confirmPassword")));
        if (form.hasErrors()) {
            accountPage(ctx.status(422), Form.empty(), Form.empty(), form, null);
            return;
        }
        sessions.end(ctx);
        message(
                ctx,
                "Your account has been deleted",
                "We have deleted your account and signed you out.",
                "Home",
                Paths.home());
    }

    private void accountPage(Context ctx, Form password, Form email, Form delete, String done) {
        User user = sessions.current(ctx).orElseThrow();
        String notice = done == null
                ? null
                : switch (done) {
                    case "password" -> "Your password has been changed. Other browsers have been signed out.";
                    case "email" -> "We have sent a link to your new address. Open it to finish the change.";
                    case "subscription-cancelled" ->
                        "Your subscription will end at the end of this period. Nothing more will be charged.";
                    case "subscription-resumed" ->
                        "Your subscription will carry on: it renews at the end of this period.";
                    default -> null;
                };
        Meta meta = Meta.page("Your account", "Your account", Paths.account()).hidden();
        Personal.html(
                ctx,
                views.render(
                        "accounts/account.jte",
                        new AccountPage(
                                chrome.layout(meta),
                                csrf.token(ctx),
                                user,
                                password,
                                email,
                                delete,
                                notice,
                                subscriptions.panel(user.id()))));
    }

    private void form(Context ctx, String template, String title, String path, Form form, String notice) {
        Meta meta =
                Meta.page(title, title + " at " + chrome.site().name(), path).hidden();
        Personal.html(ctx, views.render(template, new FormPage(chrome.layout(meta), csrf.token(ctx), form, notice)));
    }

    private void message(Context ctx, String heading, String message, String linkText, String linkHref) {
        Meta meta = Meta.page(heading, message, ctx.path()).hidden();
        Personal.html(
                ctx,
                views.render(
                        "accounts/message.jte",
                        new MessagePage(chrome.layout(meta), heading, message, linkText, linkHref)));
    }
}
