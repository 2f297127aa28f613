package broadsheet.paywall;

import broadsheet.Core;

/** The paywall's rules, gift links and its newsroom settings page. */
public record PaywallFeature(Paywall paywall, GiftPages gifts, PaywallDesk desk) {

    public static PaywallFeature create(Core core) {
        Paywall paywall = new Paywall(
                core.jdbi(), core.secrets(), core.sessions(), core.config().baseUrl());
        return new PaywallFeature(
                paywall,
                new GiftPages(paywall, core.sessions(), core.csrf(), core.chrome(), core.views(), core.jdbi()),
                new PaywallDesk(core.desk(), paywall, core.jdbi()));
    }
}
