-- Assessment schemes (考核方案) and the score sheets of the units they assess.
CREATE TABLE assessment_scheme (
    id            bigserial PRIMARY KEY,
    name          text        NOT NULL,
    year          integer     NOT NULL,
    level         text        NOT NULL CHECK (level IN ('STREET', 'DISTRICT')),
    owner_code    text        NOT NULL,
    status        text        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED')),
    -- [{code, weight, curve: {kind, floor, target, steps: [{threshold, fraction}]}}]
    items         jsonb       NOT NULL DEFAULT '[]'::jsonb,
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    published_by  text,
    published_at  timestamptz
);
CREATE INDEX assessment_scheme_owner ON assessment_scheme (owner_code, year);

-- One sheet per assessed unit: its latest computed score, frozen once signed (LOCKED).
CREATE TABLE assessment_sheet (
    id          bigserial PRIMARY KEY,
    scheme_id   bigint      NOT NULL REFERENCES assessment_scheme (id) ON DELETE CASCADE,
    unit_code   text        NOT NULL,
    status      text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'LOCKED')),
    score       jsonb       NOT NULL,
    signed_by   text,
    signed_at   timestamptz,
    UNIQUE (scheme_id, unit_code)
);

-- The sheet's history: each computation whose result changed, each comment, the sign-off.
CREATE TABLE assessment_sheet_event (
    id              bigserial PRIMARY KEY,
    sheet_id        bigint      NOT NULL REFERENCES assessment_sheet (id) ON DELETE CASCADE,
    kind            text        NOT NULL CHECK (kind IN ('COMPUTED', 'RECOMPUTED', 'COMMENTED', 'SIGNED')),
    actor_username  text        NOT NULL,
    actor_name      text        NOT NULL,
    at              timestamptz NOT NULL DEFAULT now(),
    comment         text,
    score           jsonb
);
CREATE INDEX assessment_sheet_event_sheet ON assessment_sheet_event (sheet_id, id);
