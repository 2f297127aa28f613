# Varnish in front of the Broadsheet nodes (through HAProxy), kept fresh by purges.
# Pages carry Surrogate-Key (article-<id>, section-<slug>, author-<slug>, topic-<slug>, comments-<id>,
# most-read, search, ...); the nodes send "PURGE" with the changed keys in Surrogate-Key, or "*" for
# every page (PURGE_URLS=http://127.0.0.1:6081/ on each node). Stock Varnish: bans, no vmod needed.
# bench/cluster.sh uses this file as it is, with only the backend port changed.
vcl 4.1;

backend haproxy {
    .host = "127.0.0.1";
    .port = "8000";
}

# Who may purge: the nodes. List their addresses when they run on other machines.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Not allowed"));
        }
        if (req.http.Surrogate-Key == "*") {
            ban("obj.status != 0");
        } elseif (req.http.Surrogate-Key ~ "^[A-Za-z0-9_.:-]+( [A-Za-z0-9_.:-]+)*$") {
            # lurker-friendly (obj.* only): old objects are dropped in the background too
            ban("obj.http.Surrogate-Key ~ (^|\s)(" + regsuball(req.http.Surrogate-Key, " ", "|") + ")(\s|$)");
        } else {
            return (synth(400, "Surrogate-Key must be * or keys separated by spaces"));
        }
        return (synth(200, "Purged"));
    }
    # signed-in readers and the newsroom are never served from the shared cache
    if (req.http.Cookie ~ "(^|;\s*)bs_session=" || req.url ~ "^/newsroom") {
        return (pass);
    }
    # everything else: Varnish's built-in rules (a request with other cookies is passed too)
}

# How long a page is kept comes from the nodes (s-maxage); pages marked private (metered
# articles, signed-in pages) are not kept, by Varnish's built-in rules.

sub vcl_deliver {
    # the keys are for this cache (the stored object keeps them for bans), not for browsers
    unset resp.http.Surrogate-Key;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
