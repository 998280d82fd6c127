-- Bulk status verification of more than 1,000 subjects (issue 18): a job, answered in the background for the reach
-- its caller had, each subject logged as a single look-up is.
CREATE TABLE verification_job (
    id            uuid           PRIMARY KEY,
    client        varchar(100)   NOT NULL,
    purpose       varchar(50)    NOT NULL,
    as_of         date           NOT NULL,
    reach         varchar(4000)  NOT NULL,
    subjects      jsonb          NOT NULL,
    total         integer        NOT NULL,
    done          integer        NOT NULL DEFAULT 0,
    status        varchar(10)    NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    submitted_at  timestamptz    NOT NULL,
    started_at    timestamptz,
    heartbeat_at  timestamptz,
    finished_at   timestamptz,
    attempts      integer        NOT NULL DEFAULT 0,
    failure       varchar(500),
    version       bigint         NOT NULL DEFAULT 0
);
CREATE INDEX verification_job_queue ON verification_job (status, submitted_at);

CREATE TABLE verification_job_answer (
    job_id         uuid          NOT NULL REFERENCES verification_job (id) ON DELETE CASCADE,
    seq            integer       NOT NULL,
    matched        boolean       NOT NULL,
    status         varchar(20)   NOT NULL,
    review_year    integer,
    decision_no    varchar(100),
    decision_date  date,
    area_code      varchar(20),
    valid_until    date,
    PRIMARY KEY (job_id, seq)
);
