package broadsheet.paywall;

import broadsheet.Core;

/** The paywall's rules, gift links and its newsroom settings page. */
public record PaywallFeature(Paywall paywall, GiftPages gifts, PaywallDesk desk) {

    public static PaywallFeature create(Core core) {
        PaywallDao dao = new PaywallDao(core.jdbi());
        Signer signer = new Signer(core.secrets());
        Paywall paywall = new Paywall(
                core.settings(),
                dao,
                new Meter(core.jdbi(), signer),
                new GiftLinks(core.jdbi(), signer),
                core.sessions(),
                core.config().baseUrl());
        return new PaywallFeature(
                paywall,
                new GiftPages(paywall, core.sessions(), core.csrf(), core.chrome(), core.views(), dao),
                new PaywallDesk(core.desk(), paywall));
    }
}
