-- A newsletter sender's claim on outbox rows is a lease it renews while it sends (NewsletterSender):
-- claim_token names the batch that holds the rows, lease_until is when another node may take them
-- over. Only the holder of a row's token renews it or records how its sending went. Rows claimed
-- before this migration have no lease_until; their claimed_at plus the lease stands in for it.
alter table newsletter_outbox add column claim_token uuid;
alter table newsletter_outbox add column lease_until timestamptz;
