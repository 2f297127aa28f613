-- An external PostgreSQL (Debian: apt-get install postgresql) for a Broadsheet cluster, run once as
-- the postgres superuser: sudo -u postgres psql -v password="'...'" -f create-database.sql
-- The nodes run the migrations themselves at start (Flyway; one node at a time takes its lock).
-- bench/cluster.sh runs this file against its scratch server.
create role broadsheet login password :password;
create database broadsheet owner broadsheet encoding 'UTF8' template template0;
