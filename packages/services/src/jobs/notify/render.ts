// A scheduled audit's report in the shape its notification format asks for: Markdown for email, a
// short summary for Slack, both for `both`.
import type { AuditSchedule, Client } from "@tagc/db";
import type { Analysis } from "../../tools/scan/analyse";
import { renderAnalysisReport } from "../../tools/scan/report";
import type { ReportNotification } from "./notifier";

// A scan that read nothing has no score: the subject says so instead of printing 100%.
const percent = (score: number | null) =>
  score === null ? "no score (nothing read)" : `${(score * 100).toFixed(1)}%`;

export function renderNotification(
  client: Client,
  schedule: AuditSchedule,
  analysis: Analysis,
  runAt: Date,
): ReportNotification {
  const { evaluation, scan } = analysis;
  const rendered = renderAnalysisReport(analysis, "markdown");
  const partial = scan.data_quality.status === "partial";
  const subject = `Tag compliance for ${client.name}: ${percent(evaluation.compliance_score)} (${schedule.cadence} audit)`;
  const note = partial ? " Some regions or types could not be read: these are not account-wide numbers." : "";
  const top = rendered.report.top_violations_by_count[0];
  const slackText =
    `*${subject}*\n${evaluation.compliant_resources} of ${evaluation.total_resources} resources compliant, ` +
    `${evaluation.violation_counts.total} violations` +
    (top ? `; most frequent: ${top.tag_name} (${top.violations}).` : ".") +
    note;
  const wantsEmail = schedule.notificationFormat !== "slack";
  const wantsSlack = schedule.notificationFormat !== "email";
  return {
    client_id: client.id,
    client_name: client.name,
    schedule_id: schedule.id,
    run_at: runAt.toISOString(),
    recipients: schedule.recipients,
    format: schedule.notificationFormat,
    subject,
    summary: {
      compliance_score: evaluation.compliance_score,
      total_resources: evaluation.total_resources,
      compliant_resources: evaluation.compliant_resources,
      violations: evaluation.violation_counts.total,
      data_quality: scan.data_quality.status,
    },
    email: wantsEmail
      ? { subject, markdown: partial ? `> ${note.trim()}\n\n${rendered.content}` : rendered.content }
      : null,
    slack: wantsSlack ? { text: slackText } : null,
  };
}
