#!/usr/bin/env bash
# Runs once, when the PostgreSQL data volume is new (docker-entrypoint-initdb.d). One database per service, each with
# two roles: <db>_owner owns it and runs the migrations; <db>_app is what the service connects as (it may read and
# write the tables and only append to the audit log and the ledger: service-kit's afterMigrate.sql grants that).
# Keycloak gets a database of its own. Passwords come from the environment (see .env.example), never from this file.
set -euo pipefail

database() {
  local db=$1 owner_password=$2 app_password=$3
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v owner_password="$owner_password" -v app_password="$app_password" <<SQL
CREATE ROLE ${db}_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE ${db}_app LOGIN PASSWORD :'app_password';
CREATE DATABASE ${db} OWNER ${db}_owner ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE ${db} FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE ${db} TO ${db}_app;
SQL
}

database household "$HOUSEHOLD_DB_OWNER_PASSWORD" "$HOUSEHOLD_DB_PASSWORD"
database fund "$FUND_DB_OWNER_PASSWORD" "$FUND_DB_PASSWORD"
database emulation "$EMULATION_DB_OWNER_PASSWORD" "$EMULATION_DB_PASSWORD"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE keycloak LOGIN PASSWORD :'password';
CREATE DATABASE keycloak OWNER keycloak ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE keycloak FROM PUBLIC;
SQL
