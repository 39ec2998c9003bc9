package fr.opaline.api;

import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.order.StepEntry;
import fr.opaline.core.report.Report;
import fr.opaline.core.report.ReportContent;
import fr.opaline.core.report.ReportVersion;
import java.util.List;
import java.util.Map;

/**
 * The report of an exam as the editor shows it: the exam, its type, the report and its versions
 * (oldest first) once someone started it, else none with what a draft would start from; and the
 * latest send of each channel, read from the outbox (the source the feeding queue shows).
 *
 * @param authorName the latest version's author; empty while the report is not started
 * @param prefill    what a draft would start from (indication, technique); null once started
 */
public record ReportFile(StepEntry exam, ExamType examType, Report report, List<ReportVersion> versions,
                         Map<SendChannel, SendStatus> sends, String authorName, ReportContent prefill) {
}
