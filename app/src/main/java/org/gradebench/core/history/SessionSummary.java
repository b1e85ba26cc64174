package org.gradebench.core.history;

import java.time.Instant;
import java.util.Optional;

/**
 * A session as listed.
 *
 * @param submissions number of submissions recorded
 * @param results     number of test results recorded
 * @param accepted    number of submissions whose every test is AC
 */
public record SessionSummary(long id, SessionInfo info, SessionState state, Optional<Instant> finished,
                             int submissions, int results, int accepted) {
}
