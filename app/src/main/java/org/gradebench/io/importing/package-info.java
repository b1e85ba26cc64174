/**
 * Submission import: folders and archives in, one {@link org.gradebench.core.submission.Submission} per student out.
 *
 * <p>Entry point: {@link org.gradebench.io.importing.AutoDetectingSubmissionSource#load(java.nio.file.Path,
 * java.nio.file.Path)} (the core {@code SubmissionSource} port), or {@code loadReport} for the attempts that were
 * superseded. Settings: {@link org.gradebench.io.importing.ImportOptions}.
 *
 * <table>
 *   <caption>Layouts, in detection order</caption>
 *   <tr><th>format</th><th>recognised by</th><th>Submission.id</th><th>student</th></tr>
 *   <tr><td>gradescope</td><td>{@code submission_metadata.yml}</td><td>first SID</td><td>submitter names</td></tr>
 *   <tr><td>blackboard</td><td>{@code *_attempt_<ts>.txt}</td><td>username</td><td>{@code Name:} line</td></tr>
 *   <tr><td>brightspace</td><td>{@code <n>-<n> - Name - <date> - file}</td><td>display name</td><td>same</td></tr>
 *   <tr><td>moodle</td><td>{@code *_<id>_assignsubmission_*}</td><td>participant/group id</td><td>label</td></tr>
 *   <tr><td>canvas</td><td>{@code name_[LATE_]uid_aid_file}</td><td>user id / {@code anon_X}</td><td>name part</td></tr>
 *   <tr><td>github-classroom</td><td>sub-folders with {@code .git}</td><td>login</td><td>roster name</td></tr>
 *   <tr><td>folder-per-student / file-per-student / mixed</td><td>anything else</td><td>name as given</td>
 *       <td>same</td></tr>
 * </table>
 *
 * <p>All archive handling goes through {@link org.gradebench.io.importing.archive.ArchiveExtractor}.
 */
package org.gradebench.io.importing;
