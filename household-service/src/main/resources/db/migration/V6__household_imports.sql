-- The household's code in the commune's own list (mã hộ): the natural key of bulk imports, so that a file uploaded
-- twice registers each household once.
ALTER TABLE household ADD COLUMN household_ref varchar(50);
CREATE UNIQUE INDEX household_commune_ref ON household (commune_code, household_ref) WHERE household_ref IS NOT NULL;

-- Bulk imports of households (nhập dữ liệu hộ hàng loạt): the uploaded file, the job's progress and its outcome.
-- The scope is copied from the uploader's token because the job runs after the request has gone.
CREATE TABLE household_import (
    id                    uuid          PRIMARY KEY,
    status                varchar(20)   NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    file_name             varchar(255),
    format                varchar(10)   NOT NULL CHECK (format IN ('CSV', 'XLSX')),
    content               bytea         NOT NULL,
    content_sha256        varchar(64)   NOT NULL,
    submitted_by          varchar(200)  NOT NULL,
    scope_unrestricted    boolean       NOT NULL,
    scope_area_codes      varchar(1000) NOT NULL,
    submitted_at          timestamptz   NOT NULL,
    started_at            timestamptz,
    heartbeat_at          timestamptz,
    finished_at           timestamptz,
    rows_total            integer,
    rows_done             integer       NOT NULL DEFAULT 0,
    households_created    integer       NOT NULL DEFAULT 0,
    households_unchanged  integer       NOT NULL DEFAULT 0,
    households_rejected   integer       NOT NULL DEFAULT 0,
    failure               text,
    version               bigint        NOT NULL DEFAULT 0
);
CREATE INDEX household_import_queue ON household_import (submitted_at) WHERE status IN ('QUEUED', 'RUNNING');

-- One line per problem: the row and column of the file and a message without the cell's value (no personal data).
CREATE TABLE household_import_error (
    import_id   uuid          NOT NULL REFERENCES household_import (id) ON DELETE CASCADE,
    seq         integer       NOT NULL,
    row_number  integer       NOT NULL,
    column_name varchar(60),
    message     varchar(500)  NOT NULL,
    PRIMARY KEY (import_id, seq)
);
