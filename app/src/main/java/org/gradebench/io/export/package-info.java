/**
 * Grade and feedback export to LMSs (lms-exports.md; issue 5, export half).
 *
 * <p>Entry points: {@link org.gradebench.io.export.GradeBook#of} joins a stored session, its reviews and the
 * assignment; {@link org.gradebench.io.export.GradeExporter#of} gives the writer for an
 * {@link org.gradebench.io.export.ExportFormat}, whose {@code write} returns an
 * {@link org.gradebench.io.export.ExportReport} (overridden and skipped rows, warnings, the maximum used);
 * {@link org.gradebench.io.export.feedback.FeedbackWriter} writes per-student HTML and text feedback in the LMS's
 * upload layout. {@link org.gradebench.io.export.LmsGradeExportService} puts them together behind the
 * {@code core.export.GradeExportService} port, which both {@code gradebench export} ({@code cli.ExportCommand}) and
 * the window's "Export grades" dialog call.
 *
 * <p>Choices, so nobody has to rediscover them:
 * <ul>
 *   <li>The exported score is the grader's override when there is one, else the computed score, scaled to the LMS
 *       maximum (option, else the template's, else the assignment's), 2 decimals. Overrides get a column only where
 *       the LMS ignores unknown columns (Moodle, plain CSV); Canvas, Blackboard and Brightspace would turn an extra
 *       column into a new grade item, so there they are reported on the console only.</li>
 *   <li>A template (the grade file downloaded from the LMS) is the most reliable path: its headers, rows, other
 *       columns, separator and byte-order mark are kept, and only matched students' grade cells change. Students are
 *       matched by LMS id, login, email, then name (unique matches only, reported).</li>
 *   <li>Everything lms-exports.md marks unverified is an option or a refusal with a message, not a guess: Brightspace
 *       download ids are not used as OrgDefinedId unless asked; Blackboard feedback text only goes into a
 *       "Feedback to Learner" column the template already has; feedback-text columns are only written with
 *       {@code comments}; byte-order marks follow the template.</li>
 *   <li>CSV injection: free-text cells the LMS does not match on get a leading apostrophe when they start with
 *       {@code = + - @}; key and grade cells are never altered, since the LMS compares them literally.</li>
 *   <li>Several attempts of one student in a session: the highest attempt is exported, the others are reported.</li>
 * </ul>
 */
package org.gradebench.io.export;
