-- Manual review: a grader's score override and comments, per session and submission.

CREATE TABLE review (
    session_id     BIGINT NOT NULL,
    submission_id  CHARACTER VARYING NOT NULL,
    score_override DOUBLE PRECISION,
    review_comment CHARACTER LARGE OBJECT NOT NULL,
    updated_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (session_id, submission_id),
    CONSTRAINT fk_review_submission FOREIGN KEY (session_id, submission_id)
        REFERENCES submission (session_id, submission_id) ON DELETE CASCADE
);

CREATE TABLE review_test_comment (
    session_id     BIGINT NOT NULL,
    submission_id  CHARACTER VARYING NOT NULL,
    test_name      CHARACTER VARYING NOT NULL,
    review_comment CHARACTER LARGE OBJECT NOT NULL,
    PRIMARY KEY (session_id, submission_id, test_name),
    CONSTRAINT fk_review_test_review FOREIGN KEY (session_id, submission_id)
        REFERENCES review (session_id, submission_id) ON DELETE CASCADE
);
