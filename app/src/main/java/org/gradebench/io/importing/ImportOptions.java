package org.gradebench.io.importing;

import org.gradebench.io.importing.archive.ArchiveExtractor;
import org.gradebench.io.importing.archive.ExtractionLimits;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Knobs for {@link AutoDetectingSubmissionSource}. Everything lms-exports.md marks as unverified or localized is a
 * setting here instead of a guess in the code. Start from {@link #defaults()} and use the {@code with...} methods.
 *
 * @param limits                 archive extraction bounds (sizes, ratio, entry count, nesting)
 * @param legacyZipCharset       charset for zip names without the UTF-8 flag that are not valid UTF-8
 * @param format                 force one layout (skip detection); empty = auto-detect
 * @param latestAttemptOnly      Blackboard/Brightspace resubmissions: only the newest attempt becomes a submission
 *                               (older ones are still extracted and listed in {@link ImportReport#superseded()});
 *                               false = every attempt is a submission, older ones with id {@code <id>#<attempt>}
 * @param expandNestedArchives   extract zips/tarballs found inside a submission (bounded by {@code limits})
 * @param timeZone               zone of the local timestamps in Blackboard and Brightspace file names
 * @param moodleParticipantLabels blind-marking labels ("Participant", localized variants); the student is then
 *                               shown as "<label> <id>"
 * @param moodleDefaultGroupLabels team folder without an id ("Default group", localized variants)
 * @param githubRoster           GitHub Classroom roster or grades CSV; empty = look for one in the input root
 * @param githubAssignmentSlug   prefix of the repository names ({@code hw-01} for {@code hw-01-alice}); empty =
 *                               from the {@code <slug>-submissions} folder name or the longest common prefix
 * @param moodleWorksheet        Moodle's offline grading worksheet CSV (the only Moodle file that says who was late,
 *                               lms-exports.md §1.2); empty = look for one inside the input and next to it (see
 *                               {@code MoodleWorksheet})
 * @param moodleLateMarkers      words that mark a late submission in the worksheet's Status cell ("1 day 2 hours
 *                               late"); English is verified, the localized defaults are not
 */
public record ImportOptions(ExtractionLimits limits, Charset legacyZipCharset, Optional<SubmissionFormat> format,
                            boolean latestAttemptOnly, boolean expandNestedArchives, ZoneId timeZone,
                            List<String> moodleParticipantLabels, List<String> moodleDefaultGroupLabels,
                            Optional<Path> githubRoster, Optional<String> githubAssignmentSlug,
                            Optional<Path> moodleWorksheet, List<String> moodleLateMarkers) {

    public ImportOptions {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(legacyZipCharset, "legacyZipCharset");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(timeZone, "timeZone");
        moodleParticipantLabels = List.copyOf(moodleParticipantLabels);
        moodleDefaultGroupLabels = List.copyOf(moodleDefaultGroupLabels);
        Objects.requireNonNull(githubRoster, "githubRoster");
        Objects.requireNonNull(githubAssignmentSlug, "githubAssignmentSlug");
        Objects.requireNonNull(moodleWorksheet, "moodleWorksheet");
        moodleLateMarkers = List.copyOf(moodleLateMarkers);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(ExtractionLimits.defaults(), ArchiveExtractor.defaultLegacyCharset(), Optional.empty(),
                true, true, ZoneId.systemDefault(),
                List.of("Participant", "Teilnehmer/in", "Teilnehmerin", "Participante", "Partecipante", "Deelnemer"),
                List.of("Default group", "Standardgruppe", "Grupo por defecto", "Groupe par défaut", "Gruppo predefinito"),
                Optional.empty(), Optional.empty(), Optional.empty(),
                List.of("late", "verspätet", "en retard", "tarde", "in ritardo", "te laat", "atrasado", "com atraso"));
    }

    public ImportOptions withLimits(ExtractionLimits v) {
        return new ImportOptions(v, legacyZipCharset, format, latestAttemptOnly, expandNestedArchives, timeZone,
                moodleParticipantLabels, moodleDefaultGroupLabels, githubRoster, githubAssignmentSlug, moodleWorksheet, moodleLateMarkers);
    }

    public ImportOptions withLegacyZipCharset(Charset v) {
        return new ImportOptions(limits, v, format, latestAttemptOnly, expandNestedArchives, timeZone,
                moodleParticipantLabels, moodleDefaultGroupLabels, githubRoster, githubAssignmentSlug, moodleWorksheet, moodleLateMarkers);
    }

    public ImportOptions withFormat(SubmissionFormat v) {
        return new ImportOptions(limits, legacyZipCharset, Optional.ofNullable(v), latestAttemptOnly,
                expandNestedArchives, timeZone, moodleParticipantLabels, moodleDefaultGroupLabels, githubRoster,
                githubAssignmentSlug, moodleWorksheet, moodleLateMarkers);
    }

    public ImportOptions withLatestAttemptOnly(boolean v) {
        return new ImportOptions(limits, legacyZipCharset, format, v, expandNestedArchives, timeZone,
                moodleParticipantLabels, moodleDefaultGroupLabels, githubRoster, githubAssignmentSlug, moodleWorksheet, moodleLateMarkers);
    }

    public ImportOptions withExpandNestedArchives(boolean v) {
        return new ImportOptions(limits, legacyZipCharset, format, latestAttemptOnly, v, timeZone,
                moodleParticipantLabels, moodleDefaultGroupLabels, githubRoster, githubAssignmentSlug, moodleWorksheet, moodleLateMarkers);
    }

    public ImportOptions withTimeZone(ZoneId v) {
        return new ImportOptions(limits, legacyZipCharset, format, latestAttemptOnly, expandNestedArchives, v,
                moodleParticipantLabels, moodleDefaultGroupLabels, githubRoster, githubAssignmentSlug, moodleWorksheet, moodleLateMarkers);
    }

    public ImportOptions withMoodleLabels(List<String> participant, List<String> defaultGroup) {
        return new ImportOptions(limits, legacyZipCharset, format, latestAttemptOnly, expandNestedArchives, timeZone,
                participant, defaultGroup, githubRoster, githubAssignmentSlug, moodleWorksheet, moodleLateMarkers);
    }

    public ImportOptions withGithubRoster(Path v) {
        return new ImportOptions(limits, legacyZipCharset, format, latestAttemptOnly, expandNestedArchives, timeZone,
                moodleParticipantLabels, moodleDefaultGroupLabels, Optional.ofNullable(v), githubAssignmentSlug, moodleWorksheet, moodleLateMarkers);
    }

    public ImportOptions withGithubAssignmentSlug(String v) {
        return new ImportOptions(limits, legacyZipCharset, format, latestAttemptOnly, expandNestedArchives, timeZone,
                moodleParticipantLabels, moodleDefaultGroupLabels, githubRoster, Optional.ofNullable(v), moodleWorksheet, moodleLateMarkers);
    }

    /** Moodle's grading worksheet CSV, for late flags, emails and usernames (null = auto-detect). */
    public ImportOptions withMoodleWorksheet(Path v) {
        return new ImportOptions(limits, legacyZipCharset, format, latestAttemptOnly, expandNestedArchives, timeZone,
                moodleParticipantLabels, moodleDefaultGroupLabels, githubRoster, githubAssignmentSlug,
                Optional.ofNullable(v), moodleLateMarkers);
    }

    public ImportOptions withMoodleLateMarkers(List<String> v) {
        return new ImportOptions(limits, legacyZipCharset, format, latestAttemptOnly, expandNestedArchives, timeZone,
                moodleParticipantLabels, moodleDefaultGroupLabels, githubRoster, githubAssignmentSlug, moodleWorksheet, v);
    }
}
