-- Meters started without a cookie, per network address and day (issue 17 item 10). A reader's meter lives
-- in a signed cookie; a client that never returns cookies would start a fresh meter with every request
-- and read the whole subscriber archive. Each meter started from a network is counted here, in the
-- database so that every node shares the count; past a generous bound a day, that network's new meters
-- get the offer until the next day. Readers who already have a meter are not affected.
create table meter_networks (
    network text    not null,  -- an IPv4 address, or an IPv6 /64 prefix
    day     date    not null,
    starts  integer not null check (starts > 0),
    primary key (network, day)
);
